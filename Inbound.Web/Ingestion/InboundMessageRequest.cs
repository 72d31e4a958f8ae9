namespace Inbound.Web.Ingestion;

/// <summary>The webhook body a channel posts for each message a contact sends.</summary>
public sealed record InboundMessageRequest(string? MessageId, InboundContact? Contact, string? Text, DateTimeOffset? Timestamp);

public sealed record InboundContact(string? ExternalId, string? Name, string? Phone, string? Email);

/// <summary>The 202 answer: where the message went and whether it opened the conversation.</summary>
public sealed record IngestionResponse(Guid ConversationId, Guid MessageId, bool Opened);
