using System.Text.Json;
using Inbound.Domain.Conversations;

namespace Inbound.Web.Channels.Custom;

/// <summary>
/// A status change a custom channel's outbound URL receives besides messages: <c>conversation.closed</c>,
/// <c>conversation.assigned</c> or <c>message.status</c> (delivered, read, or failed with the reason).
/// </summary>
/// <param name="Timestamp">Unix seconds when it was signed (set at each attempt): refuse old ones to stop replays.</param>
/// <param name="NoticeId">Also the Idempotency-Key: a retry carries the same one.</param>
public sealed record CustomChannelNotice(string Type, Guid ConversationId, DateTime OccurredAt, Guid? MessageId = null, string? Status = null,
    string? Reason = null, Guid? AgentId = null, Guid? TeamId = null, long Timestamp = 0, string? NoticeId = null)
{
    public const string Closed = "conversation.closed";
    public const string Assigned = "conversation.assigned";
    public const string MessageStatus = "message.status";

    public static CustomChannelNotice ForDelivery(Message message, DateTime now) =>
        new(MessageStatus, message.ConversationId, now, message.Id, message.DeliveryStatus.ToString().ToLowerInvariant(), message.DeliveryError);

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static CustomChannelNotice FromJson(string json) => JsonSerializer.Deserialize<CustomChannelNotice>(json, JsonSerializerOptions.Web)!;
}
