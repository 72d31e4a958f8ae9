using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inbound.Domain.Channels;
using Inbound.Web.Inbox.Delivery;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Telegram;

/// <summary>The few Bot API methods Inbound calls: <c>{base}/bot{token}/{method}</c>, answers wrapped in <c>{ ok, result }</c>.</summary>
public sealed class TelegramBotClient(IHttpClientFactory httpFactory, IOptions<TelegramOptions> options)
{
    public string BaseUrl(IReadOnlyDictionary<string, string> settings) =>
        (settings.TryGetValue(ChannelSettingNames.ApiBaseUrl, out var own) && own.Length > 0 ? own : options.Value.ApiBaseUrl).TrimEnd('/');

    private static string Token(IReadOnlyDictionary<string, string> settings) =>
        settings.TryGetValue(ChannelSettingNames.TelegramBotToken, out var token) && token.Length > 0
            ? token
            : throw new InvalidOperationException("The channel has no bot token.");

    public async Task<HttpResponseMessage> CallAsync(IReadOnlyDictionary<string, string> settings, string method, HttpContent content, CancellationToken cancellationToken)
    {
        var url = $"{BaseUrl(settings)}/bot{Token(settings)}/{method}";
        return await httpFactory.CreateClient(ChannelHttp.ClientName).PostAsync(url, content, cancellationToken);
    }

    public Task<HttpResponseMessage> CallAsync(IReadOnlyDictionary<string, string> settings, string method, object payload, CancellationToken cancellationToken) =>
        CallAsync(settings, method, JsonContent.Create(payload, options: TelegramJson.Options), cancellationToken);

    /// <summary>Points the bot's webhook at Inbound, with the channel secret as the token Telegram sends back in a header.</summary>
    public async Task<string?> SetWebhookAsync(IReadOnlyDictionary<string, string> settings, string url, string secretToken, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(settings, "setWebhook",
            new { url, secret_token = secretToken, allowed_updates = new[] { "message", "callback_query" } }, cancellationToken);
        return response.IsSuccessStatusCode ? null : $"Telegram refused the webhook: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
    }

    /// <summary>Downloads a file a contact sent: getFile for its path, then the file itself.</summary>
    public async Task<Stream?> DownloadAsync(IReadOnlyDictionary<string, string> settings, string fileId, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(settings, "getFile", new { file_id = fileId }, cancellationToken);
        if (!response.IsSuccessStatusCode) return null;
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        if (body?["result"]?["file_path"]?.GetValue<string>() is not { } path) return null;
        var file = await httpFactory.CreateClient(ChannelHttp.ClientName)
            .GetAsync($"{BaseUrl(settings)}/file/bot{Token(settings)}/{path}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!file.IsSuccessStatusCode)
        {
            file.Dispose();
            return null;
        }
        return await file.Content.ReadAsStreamAsync(cancellationToken);
    }

    /// <summary>"chat:message" from a Message result: Telegram numbers messages per chat, so the chat makes it unique per bot.</summary>
    public static string? MessageIdOf(string body)
    {
        try
        {
            var result = JsonNode.Parse(body)?["result"];
            return result?["message_id"] is { } id && result["chat"]?["id"] is { } chat ? $"{chat}:{id}" : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A sendPhoto/sendDocument form. The file is in memory (within the media size limit) so that a retry can send it again.</summary>
    public static MultipartFormDataContent Multipart(string chatId, string field, OutboundAttachment file, byte[] content, string? caption, object? replyMarkup)
    {
        var form = new MultipartFormDataContent { { new StringContent(chatId), "chat_id" } };
        if (!string.IsNullOrEmpty(caption)) form.Add(new StringContent(caption), "caption");
        if (replyMarkup is not null) form.Add(new StringContent(JsonSerializer.Serialize(replyMarkup, TelegramJson.Options)), "reply_markup");
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        form.Add(part, field, file.FileName);
        return form;
    }
}
