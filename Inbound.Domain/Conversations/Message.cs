using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Conversations;

/// <summary>One entry of a conversation's thread: a contact's message, an agent's reply, a note or a system event.</summary>
public sealed class Message : Entity
{
    public const int MaxBodyLength = 4096;

    private Message() { Body = ""; }

    internal Message(Guid conversationId, Guid channelId, MessageDirection direction, AuthorKind authorKind, Guid? authorId,
        string body, string? externalId, DeliveryStatus deliveryStatus, DateTime createdAt, IReadOnlyList<string>? quickReplies = null)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new DomainException("A message cannot be empty.");
        if (body.Length > MaxBodyLength) throw new DomainException($"A message has at most {MaxBodyLength} characters.");
        ConversationId = conversationId;
        ChannelId = channelId;
        Direction = direction;
        AuthorKind = authorKind;
        AuthorId = authorId;
        Body = body;
        ExternalId = externalId;
        DeliveryStatus = deliveryStatus;
        CreatedAt = createdAt;
        QuickReplies = quickReplies is { Count: > 0 } ? quickReplies.Select(r => r.Trim()).ToList() : null;
    }

    public Guid ConversationId { get; private set; }
    public Guid ChannelId { get; private set; }
    public MessageDirection Direction { get; private set; }
    public AuthorKind AuthorKind { get; private set; }
    public Guid? AuthorId { get; private set; }
    public string Body { get; private set; }

    /// <summary>The channel's own id for the message: (channel, external id) is unique, which makes webhook retries idempotent.</summary>
    public string? ExternalId { get; private set; }

    public DeliveryStatus DeliveryStatus { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// Answers the contact can pick with one tap, such as a question's options. Each channel shows them its own way
    /// (buttons on web chat); the contact may still type instead.
    /// </summary>
    public IReadOnlyList<string>? QuickReplies { get; private set; }

    /// <summary>Records what the channel's sender reported for an outbound message.</summary>
    public void MarkDelivery(DeliveryStatus status, DateTime now)
    {
        if (status == DeliveryStatus) return;
        DeliveryStatus = status;
        Raise(new MessageDeliveryChanged(ConversationId, Id, status, now));
    }
}
