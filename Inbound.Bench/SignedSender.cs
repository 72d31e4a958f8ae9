using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Inbound.Web.Ingestion;

namespace Inbound.Bench;

/// <summary>
/// Posts signed webhook messages to the ingestion endpoint, as a channel does; with several nodes, to each in turn, as
/// a load balancer spreads a provider's webhooks.
/// </summary>
public sealed class SignedSender(IReadOnlyList<Uri> nodes, string channelKey = "api", string secret = "demo-api-secret-change-me")
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(secret);
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private int _next = -1;

    public SignedSender(Uri baseAddress, string channelKey = "api", string secret = "demo-api-secret-change-me") : this([baseAddress], channelKey, secret)
    {
    }

    public async Task<IngestionResponse> SendAsync(string messageId, string contactId, string text)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { messageId, contact = new { externalId = contactId, name = contactId }, text });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(nodes[(int)((uint)Interlocked.Increment(ref _next) % nodes.Count)], $"/api/channels/{channelKey}/messages"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, _secret));
        using var response = await _http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"Ingestion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await JsonSerializer.DeserializeAsync<IngestionResponse>(await response.Content.ReadAsStreamAsync(), JsonSerializerOptions.Web))!;
    }
}
