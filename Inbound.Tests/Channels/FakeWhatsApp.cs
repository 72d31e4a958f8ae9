using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inbound.Domain.Channels;
using Inbound.Tests.Infrastructure;

namespace Inbound.Tests.Channels;

/// <summary>The Cloud API as a fake: messages get wamids, uploads get media ids, media ids resolve to a URL on the fake.</summary>
public static class FakeWhatsApp
{
    public const string ChannelKey = "whatsapp";
    public const string AppSecret = "whatsapp-app-secret-for-tests";
    public const string AccessToken = "EAAG-test-access-token";
    public const string PhoneNumberId = "106540352242922";
    public const string VerifyToken = "verify-me-please";
    public const string FileBytes = "fake whatsapp media";

    public static FakeProvider ActAsWhatsApp(this FakeProvider fake, Func<ProviderRequest, int, ProviderAnswer?>? first = null)
    {
        var sent = 0;
        return fake.AnswerWith((request, before) =>
        {
            if (first?.Invoke(request, before) is { } scripted) return scripted;
            if (request.Path.StartsWith("/media-file/", StringComparison.Ordinal)) return new ProviderAnswer(200, FileBytes, "application/octet-stream");
            if (request.Path.EndsWith("/messages", StringComparison.Ordinal))
                return new ProviderAnswer(200, JsonSerializer.Serialize(new
                {
                    messaging_product = "whatsapp",
                    messages = new[] { new { id = $"wamid.OUT{Interlocked.Increment(ref sent)}" } },
                }));
            if (request.Path.EndsWith("/media", StringComparison.Ordinal)) return new ProviderAnswer(200, """{"id":"4490709327384033"}""");
            // GET /{version}/{media-id}: where to download it.
            var mediaId = request.Path.Split('/').Last();
            return new ProviderAnswer(200, JsonSerializer.Serialize(new { url = new Uri(fake.BaseAddress, $"media-file/{mediaId}").ToString(), mime_type = "image/jpeg" }));
        });
    }

    public static InboundApp WithWhatsApp(this InboundApp app, FakeProvider fake) => app
        .With("Seed:Channels:2:Key", ChannelKey)
        .With("Seed:Channels:2:Name", "WhatsApp")
        .With("Seed:Channels:2:Type", nameof(ChannelType.WhatsApp))
        .With("Seed:Channels:2:Secret", AppSecret)
        .With($"Seed:Channels:2:Settings:{ChannelSettingNames.WhatsAppAccessToken}", AccessToken)
        .With($"Seed:Channels:2:Settings:{ChannelSettingNames.WhatsAppPhoneNumberId}", PhoneNumberId)
        .With($"Seed:Channels:2:Settings:{ChannelSettingNames.WhatsAppVerifyToken}", VerifyToken)
        .With($"Seed:Channels:2:Settings:{ChannelSettingNames.ApiBaseUrl}", fake.BaseAddress.ToString())
        .With("Channels:Outbox:RetryDelay", "00:00:00.050")
        .With("Channels:Outbox:HttpRetryDelay", "00:00:00.010");

    /// <summary>Posts a notification signed as Meta signs it: X-Hub-Signature-256 over the raw body with the app secret.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string json, string? secret = AppSecret, string channelKey = ChannelKey)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/channels/{channelKey}/whatsapp")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
        };
        if (secret is not null)
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        return http.SendAsync(request);
    }
}
