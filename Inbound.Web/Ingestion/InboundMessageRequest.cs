namespace Inbound.Web.Ingestion;

/// <summary>The webhook body a channel posts for each message a contact sends.</summary>
public sealed record InboundMessageRequest(string? MessageId, InboundContact? Contact, string? Text, DateTimeOffset? Timestamp);

public sealed record InboundContact(string? ExternalId, string? Name, string? Phone, string? Email);

/// <summary>
/// The 202 answer: where the message went and whether it opened the conversation. A blocked contact's message is
/// refused quietly: <see cref="Refused"/>, nothing stored, and no conversation to name.
/// </summary>
public sealed record IngestionResponse(Guid ConversationId, Guid MessageId, bool Opened, bool Refused = false)
{
    public static IngestionResponse RefusedQuietly { get; } = new(Guid.Empty, Guid.Empty, false, true);
}
