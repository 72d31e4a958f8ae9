using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Inbound.Domain.Channels;
using Inbound.Web.Inbox.Delivery;
using Inbound.Web.Ingestion;

namespace Inbound.Web.Channels.Custom;

/// <summary>
/// The custom (API) channel: with an outbound URL, every message is POSTed there as JSON, signed like the inbound
/// webhook (<c>X-Inbound-Signature-256</c> over the raw body with the channel secret); the body carries a
/// <c>timestamp</c> the receiver checks against replays and an <c>Idempotency-Key</c> header it can deduplicate by.
/// Status changes (closed, assigned, delivery) go the same way as <see cref="CustomChannelNotice"/>s.
/// Without one, integrations read replies through the REST API or the hub, so a stored reply counts as sent.
/// </summary>
internal sealed class CustomChannelSender(IHttpClientFactory httpFactory, TimeProvider clock) : IChannelSender
{
    public const string TimestampHeader = "X-Inbound-Timestamp";
    public const string IdempotencyHeader = "Idempotency-Key";

    public ChannelType ChannelType => ChannelType.Api;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Setting(ChannelSettingNames.OutboundUrl) is not { } url) return DeliveryResult.Sent();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var body = JsonSerializer.SerializeToUtf8Bytes(new CustomChannelMessage(
            "message", timestamp, message.IdempotencyKey, message.ConversationId, new CustomChannelContact(message.ContactExternalId),
            message.Body, message.QuickReplies), JsonSerializerOptions.Web);
        return await PostSignedAsync(url, message.Secret, body, timestamp, message.IdempotencyKey, cancellationToken);
    }

    /// <summary>A status change, signed and stamped the same way; its idempotency key is the notice's id.</summary>
    public async Task<DeliveryResult> SendNoticeAsync(string url, string secret, CustomChannelNotice notice, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var body = JsonSerializer.SerializeToUtf8Bytes(notice with { Timestamp = timestamp }, JsonSerializerOptions.Web);
        return await PostSignedAsync(url, secret, body, timestamp, notice.NoticeId ?? "", cancellationToken);
    }

    private async Task<DeliveryResult> PostSignedAsync(string url, string secret, byte[] body, long timestamp, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(body, Encoding.UTF8.GetBytes(secret)));
        request.Headers.Add(TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(IdempotencyHeader, idempotencyKey);
        using var response = await httpFactory.CreateClient(ChannelHttp.ClientName).SendAsync(request, cancellationToken);
        return await DeliveryResult.FromResponseAsync(response, _ => idempotencyKey, cancellationToken);
    }
}

/// <summary>The JSON a custom channel's outbound URL receives.</summary>
/// <param name="Timestamp">Unix seconds when it was signed: refuse old ones to stop replays.</param>
/// <param name="MessageId">Inbound's id of the message (also the Idempotency-Key); status reports name it.</param>
public sealed record CustomChannelMessage(string Type, long Timestamp, string MessageId, Guid ConversationId, CustomChannelContact Contact, string Text,
    IReadOnlyList<string>? QuickReplies);

public sealed record CustomChannelContact(string ExternalId);
