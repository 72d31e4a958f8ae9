using System.Text;
using System.Text.Json;
using Inbound.Domain.Channels;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.Line;

namespace Inbound.Tests.Channels;

/// <summary>
/// The LINE Messaging API as a fake on loopback, standing for both api.line.me and api-data.line.me: profiles (a Thai
/// user), contents, reply, push, the loading animation, quota and the webhook test, answering as LINE documents.
/// </summary>
public static class FakeLine
{
    public const string ChannelKey = "line";
    public const string Secret = "line-channel-secret-for-tests";
    public const string AccessToken = "line-channel-access-token";
    public const string DisplayName = "สมศรี ใจดี";
    public const string FileBytes = "fake line content bytes";

    /// <summary>The user of LINE's reference examples (the payload files) and the Thai user of line-thai-text.json.</summary>
    public const string ReferenceUser = "U4af4980629...";
    public const string ThaiUser = "U1234567890abcdef1234567890abcdef";

    // A tiny picture the fake serves as the profile picture, so the browser can show it.
    private const string PictureSvg = """<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="32" fill="#06c755"/><text x="32" y="42" font-size="28" text-anchor="middle" fill="#fff">ส</text></svg>""";

    public static string PictureUrl(FakeProvider fake) => new Uri(fake.BaseAddress, "profile/picture.svg").ToString();

    public static FakeProvider ActAsLine(this FakeProvider fake, Func<ProviderRequest, int, ProviderAnswer?>? first = null)
    {
        var sent = 461230966842064000;
        return fake.AnswerWith((request, before) =>
        {
            if (first?.Invoke(request, before) is { } scripted) return scripted;
            var path = request.Path;
            if (path == "/profile/picture.svg") return new ProviderAnswer(200, PictureSvg, "image/svg+xml");
            if (path.StartsWith("/v2/bot/profile/", StringComparison.Ordinal))
                return new ProviderAnswer(200, JsonSerializer.Serialize(new
                {
                    displayName = DisplayName, userId = path["/v2/bot/profile/".Length..], language = "th", pictureUrl = PictureUrl(fake), statusMessage = "ยินดีที่ได้รู้จัก",
                }));
            if (path.StartsWith("/v2/bot/message/", StringComparison.Ordinal) && path.EndsWith("/content", StringComparison.Ordinal))
                return new ProviderAnswer(200, FileBytes, "application/octet-stream");
            return path switch
            {
                "/v2/bot/message/reply" or "/v2/bot/message/push" => new ProviderAnswer(200,
                    JsonSerializer.Serialize(new { sentMessages = new[] { new { id = Interlocked.Increment(ref sent).ToString(), quoteToken = "IStG5h1Tz7b..." } } })),
                "/v2/bot/chat/loading/start" => new ProviderAnswer(202, "{}"),
                "/v2/bot/message/quota" => new ProviderAnswer(200, """{"type":"limited","value":500}"""),
                "/v2/bot/message/quota/consumption" => new ProviderAnswer(200, """{"totalUsage":42}"""),
                "/v2/bot/channel/webhook/test" => new ProviderAnswer(200, """{"success":true,"timestamp":"2020-09-30T05:38:20.031Z","statusCode":200,"reason":"OK","detail":"200"}"""),
                _ => new ProviderAnswer(404, """{"message":"Not found"}"""),
            };
        });
    }

    /// <summary>The app with a LINE channel whose API and data API hosts are the fake.</summary>
    public static InboundApp WithLine(this InboundApp app, FakeProvider fake) => app
        .With("Seed:Channels:3:Key", ChannelKey)
        .With("Seed:Channels:3:Name", "LINE")
        .With("Seed:Channels:3:Type", nameof(ChannelType.Line))
        .With("Seed:Channels:3:Secret", Secret)
        .With($"Seed:Channels:3:Settings:{ChannelSettingNames.LineChannelId}", "1656234567")
        .With($"Seed:Channels:3:Settings:{ChannelSettingNames.LineAccessToken}", AccessToken)
        .With($"Seed:Channels:3:Settings:{ChannelSettingNames.ApiBaseUrl}", fake.BaseAddress.ToString())
        .With($"Seed:Channels:3:Settings:{ChannelSettingNames.DataApiBaseUrl}", fake.BaseAddress.ToString())
        .With("Channels:Outbox:RetryDelay", "00:00:00.050")
        .With("Channels:Outbox:HttpRetryDelay", "00:00:00.010");

    public static string Payload(string name) => FakeTelegram.Payload(name);

    /// <summary>A tap on a quick-reply button: LINE's postback event carrying the option.</summary>
    public static string Postback(string userId, string data, string eventId) => JsonSerializer.Serialize(new
    {
        destination = "U0000000000000000000000000000000a",
        events = new[]
        {
            new
            {
                replyToken = $"reply-{eventId}", type = "postback", mode = "active", timestamp = 1733100060000, source = new { type = "user", userId },
                webhookEventId = eventId, deliveryContext = new { isRedelivery = false }, postback = new { data },
            },
        },
    });

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string json, string? secret = Secret)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/channels/{ChannelKey}/line") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        if (secret is not null) request.Headers.Add(LineSignature.Header, LineSignature.Sign(bytes, Encoding.UTF8.GetBytes(secret)));
        return http.SendAsync(request);
    }
}
