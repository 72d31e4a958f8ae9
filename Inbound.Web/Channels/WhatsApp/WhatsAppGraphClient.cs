using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Inbound.Domain.Channels;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.WhatsApp;

/// <summary>The Cloud API calls Inbound makes: <c>/{phone-number-id}/messages</c>, <c>/{phone-number-id}/media</c>, and media downloads.</summary>
public sealed class WhatsAppGraphClient(IHttpClientFactory httpFactory, IOptions<WhatsAppOptions> options)
{
    private string BaseUrl(IReadOnlyDictionary<string, string> settings) =>
        $"{(settings.TryGetValue(ChannelSettingNames.ApiBaseUrl, out var own) && own.Length > 0 ? own : options.Value.ApiBaseUrl).TrimEnd('/')}/{options.Value.ApiVersion}";

    private HttpClient Client(IReadOnlyDictionary<string, string> settings)
    {
        var http = httpFactory.CreateClient(ChannelHttp.ClientName);
        if (settings.TryGetValue(ChannelSettingNames.WhatsAppAccessToken, out var token))
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public Task<HttpResponseMessage> SendAsync(IReadOnlyDictionary<string, string> settings, object message, CancellationToken cancellationToken) =>
        Client(settings).PostAsync($"{BaseUrl(settings)}/{settings[ChannelSettingNames.WhatsAppPhoneNumberId]}/messages",
            JsonContent.Create(message, options: WhatsAppJson.Options), cancellationToken);

    /// <summary>Uploads a file for sending; its media id, or null with the refusal.</summary>
    public async Task<(string? Id, HttpResponseMessage? Refusal)> UploadAsync(IReadOnlyDictionary<string, string> settings, string fileName, string contentType,
        byte[] content, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(contentType), "type" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        var response = await Client(settings).PostAsync($"{BaseUrl(settings)}/{settings[ChannelSettingNames.WhatsAppPhoneNumberId]}/media", form, cancellationToken);
        if (!response.IsSuccessStatusCode) return (null, response);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["id"]?.GetValue<string>();
        response.Dispose();
        return (id, null);
    }

    /// <summary>Downloads a file a contact sent: the media id's URL first, then the bytes, both with the access token.</summary>
    public async Task<Stream?> DownloadAsync(IReadOnlyDictionary<string, string> settings, string mediaId, CancellationToken cancellationToken)
    {
        var http = Client(settings);
        using var meta = await http.GetAsync($"{BaseUrl(settings)}/{mediaId}", cancellationToken);
        if (!meta.IsSuccessStatusCode) return null;
        if ((await meta.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["url"]?.GetValue<string>() is not { } url) return null;
        var file = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (file.IsSuccessStatusCode) return await file.Content.ReadAsStreamAsync(cancellationToken);
        file.Dispose();
        return null;
    }

    public static string? MessageIdOf(string body)
    {
        try { return JsonNode.Parse(body)?["messages"]?[0]?["id"]?.GetValue<string>(); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
