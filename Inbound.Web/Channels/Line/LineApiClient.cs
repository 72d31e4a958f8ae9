using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbound.Domain.Channels;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Line;

/// <summary>A LINE user's profile (GET /v2/bot/profile/{userId}); language is absent when the user hides it.</summary>
public sealed record LineProfile(string DisplayName, string? PictureUrl, string? Language, string? StatusMessage);

/// <summary>The answer of LINE's webhook test endpoint: whether LINE reached the webhook, and what it got back.</summary>
public sealed record LineWebhookTest(bool Success, int? StatusCode, string? Reason, string? Detail);

/// <summary>
/// The Messaging API calls Inbound makes, each with the channel access token as a bearer token: api.line.me for
/// messages, profiles, the loading animation, quota and the webhook test; api-data.line.me for contacts' files.
/// Both hosts are configurable per channel (ApiBaseUrl, DataApiBaseUrl) or in <see cref="LineOptions"/>.
/// </summary>
public sealed class LineApiClient(IHttpClientFactory httpFactory, IOptions<LineOptions> options)
{
    private string ApiBase(IReadOnlyDictionary<string, string> settings) => Base(settings, ChannelSettingNames.ApiBaseUrl, options.Value.ApiBaseUrl);

    private string DataBase(IReadOnlyDictionary<string, string> settings) => Base(settings, ChannelSettingNames.DataApiBaseUrl, options.Value.DataApiBaseUrl);

    private static string Base(IReadOnlyDictionary<string, string> settings, string name, string fallback) =>
        (settings.TryGetValue(name, out var own) && own.Length > 0 ? own : fallback).TrimEnd('/');

    private HttpClient Client(IReadOnlyDictionary<string, string> settings)
    {
        var http = httpFactory.CreateClient(ChannelHttp.ClientName);
        if (settings.TryGetValue(ChannelSettingNames.LineAccessToken, out var token))
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Replies with the event's reply token: free, but the token works once and only for a short while.</summary>
    public Task<HttpResponseMessage> ReplyAsync(IReadOnlyDictionary<string, string> settings, string replyToken, IReadOnlyList<object> messages,
        CancellationToken cancellationToken) =>
        Client(settings).PostAsync($"{ApiBase(settings)}/v2/bot/message/reply",
            JsonContent.Create(new { replyToken, messages }, options: LineJson.Options), cancellationToken);

    /// <summary>
    /// Pushes to the user at any time (counted against the monthly quota). The retry key makes LINE accept the same
    /// push once however often it is retried: a retry after a lost answer answers 409 instead of sending twice.
    /// </summary>
    public Task<HttpResponseMessage> PushAsync(IReadOnlyDictionary<string, string> settings, string to, IReadOnlyList<object> messages, Guid retryKey,
        CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{ApiBase(settings)}/v2/bot/message/push")
        {
            Content = JsonContent.Create(new { to, messages }, options: LineJson.Options),
        };
        request.Headers.Add("X-Line-Retry-Key", retryKey.ToString());
        return Client(settings).SendAsync(request, cancellationToken);
    }

    public async Task<LineProfile?> ProfileAsync(IReadOnlyDictionary<string, string> settings, string userId, CancellationToken cancellationToken)
    {
        using var response = await Client(settings).GetAsync($"{ApiBase(settings)}/v2/bot/profile/{Uri.EscapeDataString(userId)}", cancellationToken);
        if (!response.IsSuccessStatusCode) return null;
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body?["displayName"]?.GetValue<string>() is { Length: > 0 } name
            ? new LineProfile(name, body["pictureUrl"]?.GetValue<string>(), body["language"]?.GetValue<string>(), body["statusMessage"]?.GetValue<string>())
            : null;
    }

    /// <summary>Downloads an image, video, audio or file a contact sent; null when LINE no longer has it.</summary>
    public async Task<Stream?> DownloadAsync(IReadOnlyDictionary<string, string> settings, string messageId, CancellationToken cancellationToken)
    {
        var response = await Client(settings).GetAsync($"{DataBase(settings)}/v2/bot/message/{Uri.EscapeDataString(messageId)}/content",
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode) return await response.Content.ReadAsStreamAsync(cancellationToken);
        response.Dispose();
        return null;
    }

    /// <summary>Shows the "…" animation in the contact's chat until the next message or for the given seconds (5–60).</summary>
    public async Task StartLoadingAsync(IReadOnlyDictionary<string, string> settings, string chatId, int seconds, CancellationToken cancellationToken)
    {
        var loadingSeconds = Math.Clamp(seconds / 5 * 5, 5, 60);
        using var response = await Client(settings).PostAsync($"{ApiBase(settings)}/v2/bot/chat/loading/start",
            JsonContent.Create(new { chatId, loadingSeconds }, options: LineJson.Options), cancellationToken);
    }

    /// <summary>This month's push quota and how much of it is used; null where LINE would not say.</summary>
    public async Task<(long? Limit, long? Used)> QuotaAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var http = Client(settings);
        using var quota = await http.GetAsync($"{ApiBase(settings)}/v2/bot/message/quota", cancellationToken);
        using var consumption = await http.GetAsync($"{ApiBase(settings)}/v2/bot/message/quota/consumption", cancellationToken);
        long? limit = null, used = null;
        if (quota.IsSuccessStatusCode && await quota.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) is { } q
            && q["type"]?.GetValue<string>() == "limited")
            limit = q["value"]?.GetValue<long>();
        if (consumption.IsSuccessStatusCode && await consumption.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) is { } c)
            used = c["totalUsage"]?.GetValue<long>();
        return (limit, used);
    }

    /// <summary>Asks LINE to send a test event to the webhook URL (POST /v2/bot/channel/webhook/test).</summary>
    public async Task<LineWebhookTest> TestWebhookAsync(IReadOnlyDictionary<string, string> settings, string endpoint, CancellationToken cancellationToken)
    {
        using var response = await Client(settings).PostAsync($"{ApiBase(settings)}/v2/bot/channel/webhook/test",
            JsonContent.Create(new { endpoint }, options: LineJson.Options), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            return new LineWebhookTest(false, null, $"LINE answered {(int)response.StatusCode}", LineErrors.MessageOf(text));
        var body = JsonNode.Parse(text);
        return new LineWebhookTest(body?["success"]?.GetValue<bool>() == true, body?["statusCode"]?.GetValue<int>(),
            body?["reason"]?.GetValue<string>(), body?["detail"]?.GetValue<string>());
    }

    /// <summary>LINE's id of the first message a reply or push sent.</summary>
    public static string? SentMessageIdOf(string body)
    {
        try { return JsonNode.Parse(body)?["sentMessages"]?[0]?["id"]?.GetValue<string>(); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
