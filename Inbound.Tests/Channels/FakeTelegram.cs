using System.Text.Json;
using Inbound.Domain.Channels;
using Inbound.Tests.Infrastructure;

namespace Inbound.Tests.Channels;

/// <summary>The Bot API as a fake: answers sendMessage/sendPhoto/sendDocument with a Message, getFile with a path, and the file itself.</summary>
public static class FakeTelegram
{
    public const string ChannelKey = "telegram";
    public const string Secret = "telegram-secret-token-for-tests";
    public const string BotToken = "123456:TEST-bot-token";
    public const string FileBytes = "fake image bytes";

    public static FakeProvider ActAsTelegram(this FakeProvider fake, Func<ProviderRequest, int, ProviderAnswer?>? first = null)
    {
        var sent = 5000;
        return fake.AnswerWith((request, before) =>
        {
            if (first?.Invoke(request, before) is { } scripted) return scripted;
            var method = request.Path.Split('/').Last();
            if (request.Path.StartsWith("/file/", StringComparison.Ordinal)) return new ProviderAnswer(200, FileBytes, "image/jpeg");
            return method switch
            {
                "getFile" => new ProviderAnswer(200, """{"ok":true,"result":{"file_id":"x","file_path":"photos/file_1.jpg"}}"""),
                "sendMessage" or "sendPhoto" or "sendDocument" => new ProviderAnswer(200,
                    JsonSerializer.Serialize(new { ok = true, result = new { message_id = Interlocked.Increment(ref sent), chat = new { id = 1111111 }, date = 1 } })),
                _ => new ProviderAnswer(200, """{"ok":true,"result":true}"""),
            };
        });
    }

    /// <summary>The app with a Telegram channel whose Bot API is the fake.</summary>
    public static InboundApp WithTelegram(this InboundApp app, FakeProvider fake) => app
        .With("Seed:Channels:2:Key", ChannelKey)
        .With("Seed:Channels:2:Name", "Telegram")
        .With("Seed:Channels:2:Type", nameof(ChannelType.Telegram))
        .With("Seed:Channels:2:Secret", Secret)
        .With($"Seed:Channels:2:Settings:{ChannelSettingNames.TelegramBotToken}", BotToken)
        .With($"Seed:Channels:2:Settings:{ChannelSettingNames.ApiBaseUrl}", fake.BaseAddress.ToString())
        .With("Channels:Outbox:RetryDelay", "00:00:00.050")
        .With("Channels:Outbox:HttpRetryDelay", "00:00:00.010");

    public static string Payload(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Payloads", name));

    public static Task<HttpResponseMessage> PostUpdateAsync(HttpClient http, string json, string? secret = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/channels/{ChannelKey}/telegram")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return http.SendAsync(request);
    }
}
