using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Conversations;

/// <summary>One entry of a conversation's thread: a contact's message, an agent's reply, a note or a system event.</summary>
public sealed class Message : Entity
{
    public const int MaxBodyLength = 4096;

    /// <summary>A system note as a phrase, for a screen to say in its reader's language; null for notes written before, which keep their English body.</summary>
    public Phrase? Said { get; internal set; }

    private Message() { Body = ""; }

    internal Message(Guid conversationId, Guid channelId, MessageDirection direction, AuthorKind authorKind, Guid? authorId,
        string body, string? externalId, DeliveryStatus deliveryStatus, DateTime createdAt, IReadOnlyList<string>? quickReplies = null,
        IReadOnlyList<Guid>? attachmentIds = null)
    {
        body ??= "";
        if (string.IsNullOrWhiteSpace(body) && attachmentIds is not { Count: > 0 }) throw new DomainException(Phrase.Of(PhraseCode.MessageEmpty, "A message cannot be empty."));
        if (attachmentIds is { Count: > MaxAttachments }) throw new DomainException(Phrase.Of(PhraseCode.MessageTooManyFiles, "A message carries at most {0} files.", MaxAttachments));
        if (body.Length > MaxBodyLength) throw new DomainException(Phrase.Of(PhraseCode.MessageTooLong, "A message has at most {0} characters.", MaxBodyLength));
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
        AttachmentIds = attachmentIds is { Count: > 0 } ? attachmentIds.ToList() : null;
    }

    public const int MaxAttachments = 10;

    /// <summary>The files it carries (images, documents, voice notes), kept in the file store; the body may then be empty.</summary>
    public IReadOnlyList<Guid>? AttachmentIds { get; private set; }

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

    /// <summary>The approved template it is sent as, when a free-form reply is not allowed; the body is its rendered text.</summary>
    public SentTemplate? Template { get; private set; }

    internal void SendAs(SentTemplate template) => Template = template;

    /// <summary>Why the channel did not take it, for a message that failed.</summary>
    public string? DeliveryError { get; private set; }

    public const int MaxDeliveryErrorLength = 500;

    /// <summary>
    /// Records what the channel reported for an outbound message. Reports arrive out of order (a provider's "sent"
    /// webhook can come after its "delivered"), so a status never moves back: sent → delivered → read only forward.
    /// </summary>
    public void MarkDelivery(DeliveryStatus status, DateTime now, string? error = null)
    {
        if (status == DeliveryStatus) return;
        if (Direction != MessageDirection.Outbound) throw new DomainException("Only a reply to the contact has a delivery status.");
        if (status is DeliveryStatus.Received or DeliveryStatus.Pending) throw new DomainException("Use RetryDelivery to queue a message again.");
        if (status != DeliveryStatus.Failed && Progress(status) < Progress(DeliveryStatus)) return;
        // A message the contact has read was delivered, whatever a late failure report says.
        if (status == DeliveryStatus.Failed && DeliveryStatus is DeliveryStatus.Delivered or DeliveryStatus.Read) return;
        DeliveryStatus = status;
        DeliveryError = status == DeliveryStatus.Failed ? Truncate(error ?? "The channel did not accept the message.") : null;
        Raise(new MessageDeliveryChanged(ConversationId, Id, status, now) { Error = DeliveryError });
    }

    /// <summary>The channel's id for a sent message, which its status reports name.</summary>
    public void RecordChannelMessageId(string channelMessageId)
    {
        if (Direction != MessageDirection.Outbound) throw new DomainException("Only a reply to the contact gets the channel's id.");
        ExternalId ??= channelMessageId;
    }

    /// <summary>Queues a message that failed for another attempt (an agent's <i>Retry</i>).</summary>
    public void RetryDelivery(DateTime now)
    {
        if (DeliveryStatus != DeliveryStatus.Failed) throw new DomainException("Only a message that was not delivered can be sent again.");
        DeliveryStatus = DeliveryStatus.Pending;
        DeliveryError = null;
        Raise(new MessageDeliveryChanged(ConversationId, Id, DeliveryStatus.Pending, now));
    }

    private static int Progress(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => 1,
        DeliveryStatus.Delivered => 2,
        DeliveryStatus.Read => 3,
        _ => 0,
    };

    private static string Truncate(string error) => error.Length <= MaxDeliveryErrorLength ? error : error[..(MaxDeliveryErrorLength - 1)] + "…";
}
