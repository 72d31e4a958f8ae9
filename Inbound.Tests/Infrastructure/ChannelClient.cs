using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Inbound.Web.Ingestion;

namespace Inbound.Tests.Infrastructure;

/// <summary>Posts webhook messages as a channel does: JSON body, HMAC-SHA256 signature header.</summary>
public sealed class ChannelClient(HttpClient http, string channelKey = InboundApp.ApiChannelKey, string secret = InboundApp.ApiChannelSecret)
{
    public Task<HttpResponseMessage> SendAsync(string messageId, string contactId, string text, string? name = null) =>
        SendRawAsync(JsonSerializer.Serialize(new { messageId, contact = new { externalId = contactId, name }, text }));

    public Task<HttpResponseMessage> SendRawAsync(string json, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/channels/{channelKey}/messages")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(WebhookSignature.Header, signature ?? WebhookSignature.Sign(body, Encoding.UTF8.GetBytes(secret)));
        return http.SendAsync(request);
    }

    public async Task<IngestionResponse> SendOkAsync(string messageId, string contactId, string text, string? name = null)
    {
        using var response = await SendAsync(messageId, contactId, text, name);
        // A refusal says why (its ProblemDetails), so that a failure on a loaded machine can be read from the log.
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
            Assert.Fail($"Message {messageId} got {(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<IngestionResponse>())!;
    }
}
