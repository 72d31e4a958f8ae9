using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Conversations;

/// <summary>
/// Every interaction with a contact from the moment it opens until an agent closes it.
/// A contact has at most one open conversation; <see cref="Open"/> refuses a second one and the
/// database backs the rule with a unique partial index for writers that race.
/// </summary>
public sealed partial class Conversation : Entity
{
    private Conversation() { }

    private Conversation(Guid contactId, Guid channelId, ConversationSource source, DateTime now)
    {
        ContactId = contactId;
        ChannelId = channelId;
        Source = source;
        Status = ConversationStatus.Open;
        OpenedAt = now;
        LastActivityAt = now;
    }

    public Guid ContactId { get; private set; }
    public Guid ChannelId { get; private set; }
    public ConversationStatus Status { get; private set; }
    public ConversationSource Source { get; private set; }
    public Guid? TeamId { get; private set; }
    public Guid? AssigneeId { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public DateTime? AssignedAt { get; private set; }
    public DateTime? FirstResponseAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public DateTime LastActivityAt { get; private set; }
    public ClosingNote? ClosingNote { get; private set; }
    public Guid? ClosedById { get; private set; }

    /// <summary>
    /// When the contact's oldest message that no person has answered arrived; null once an agent replied after it. A
    /// workflow's replies (a question, a queue notice) do not end the wait. Kept here, not derived from the thread, so
    /// that lists read it without scanning messages.
    /// </summary>
    public DateTime? AwaitingReplySince { get; private set; }

    /// <summary>
    /// When it started waiting for a person: set as it enters a team's queue unassigned, cleared when someone takes
    /// it. A workflow's replies meanwhile (the queue notice) do not end the wait.
    /// </summary>
    public DateTime? WaitingSince { get; private set; }

    /// <summary>The first message of the thread; for a contact-opened conversation, the one that opened it.</summary>
    public Guid? FirstMessageId { get; private set; }

    /// <summary>Grows with every change, so that live clients can order updates and drop ones they have.</summary>
    public long Sequence { get; private set; }

    public bool IsOpen => Status == ConversationStatus.Open;

    /// <param name="currentlyOpen">The contact's open conversation, if any: opening while one is open is refused.</param>
    public static Conversation Open(Guid contactId, Guid channelId, ConversationSource source, DateTime now, Conversation? currentlyOpen = null)
    {
        if (currentlyOpen is { IsOpen: true } && currentlyOpen.ContactId == contactId)
            throw new DomainException("This contact already has an open conversation.");
        var conversation = new Conversation(contactId, channelId, source, now);
        conversation.Raise(new ConversationOpened(conversation.Id, contactId, channelId, source, now) { State = conversation.Snapshot() });
        return conversation;
    }

    /// <summary>Two contact records were one person: the conversation now belongs to the one kept.</summary>
    public void MoveToContact(Guid contactId)
    {
        if (contactId == ContactId) return;
        ContactId = contactId;
        Sequence++;
    }

    public Message ReceiveFromContact(string body, string? externalId, DateTime now, IReadOnlyList<Guid>? attachmentIds = null)
    {
        var message = Add(MessageDirection.Inbound, AuthorKind.Contact, ContactId, body, externalId, DeliveryStatus.Received, now, attachmentIds: attachmentIds);
        AwaitingReplySince ??= now;
        return message;
    }

    /// <summary>A reply to the contact, by an agent (authorId) or by a workflow (null), optionally with answers to pick.</summary>
    public Message Reply(AuthorKind author, Guid? authorId, string body, DateTime now, IReadOnlyList<string>? quickReplies = null,
        IReadOnlyList<Guid>? attachmentIds = null)
    {
        if (author is AuthorKind.Contact) throw new DomainException("A reply comes from an agent, a workflow or the system.");
        var message = Add(MessageDirection.Outbound, author, authorId, body, null, DeliveryStatus.Pending, now, quickReplies, attachmentIds);
        if (author is AuthorKind.Agent)
        {
            FirstResponseAt ??= now;
            AwaitingReplySince = null;
        }
        return message;
    }

    /// <summary>An agent's reply as an approved template filled with their values (WhatsApp outside its 24-hour window).</summary>
    public Message ReplyWithTemplate(Guid agentId, Channels.MessageTemplate template, IReadOnlyList<string> values, DateTime now)
    {
        var message = Reply(AuthorKind.Agent, agentId, template.Render(values), now);
        message.SendAs(new SentTemplate(template.Name, template.Language, values.Select(v => v.Trim()).ToList()));
        return message;
    }

    /// <summary>An internal note or system event in the thread; the contact never sees it.</summary>
    public Message AddNote(AuthorKind author, Guid? authorId, string body, DateTime now) =>
        Add(MessageDirection.InternalNote, author, authorId, body, null, DeliveryStatus.Sent, now);

    /// <summary>A system event the thread says in its reader's language; the body keeps the English for the API.</summary>
    public Message AddNote(AuthorKind author, Guid? authorId, Phrase said, DateTime now)
    {
        var note = AddNote(author, authorId, said.English, now);
        note.Said = said;
        return note;
    }

    public void RouteToTeam(Guid teamId, DateTime now)
    {
        EnsureOpen();
        if (AssigneeId is null) WaitingSince ??= now;
        if (TeamId == teamId) return;
        TeamId = teamId;
        Touch(now);
        Raise(new ConversationRoutedToTeam(Id, teamId, now) { State = Snapshot() });
    }

    public void AssignTo(Guid agentId, Guid? teamId, DateTime now)
    {
        EnsureOpen();
        if (AssigneeId == agentId && (teamId is null || TeamId == teamId)) return;
        var previous = AssigneeId;
        if (teamId is not null) TeamId = teamId;
        AssigneeId = agentId;
        AssignedAt = now;
        WaitingSince = null;
        Touch(now);
        Raise(new ConversationAssigned(Id, TeamId, agentId, previous, now) { State = Snapshot() });
    }

    public void Unassign(DateTime now)
    {
        EnsureOpen();
        if (AssigneeId is not { } previous) return;
        AssigneeId = null;
        AssignedAt = null;
        // Back in its team's queue, it waits for a person again from now.
        WaitingSince = TeamId is null ? null : now;
        Touch(now);
        Raise(new ConversationUnassigned(Id, TeamId, previous, now) { State = Snapshot() });
    }

    /// <param name="closedBy">The agent who closed it, or null for a workflow.</param>
    public void Close(ClosingNote note, Guid? closedBy, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (!IsOpen) throw new DomainException("This conversation is already closed.");
        Status = ConversationStatus.Closed;
        ClosingNote = note;
        ClosedById = closedBy;
        ClosedAt = now;
        WaitingSince = null;
        Touch(now);
        Raise(new ConversationClosed(Id, ContactId, closedBy, note, now) { State = Snapshot() });
    }

    private Message Add(MessageDirection direction, AuthorKind author, Guid? authorId, string body, string? externalId, DeliveryStatus status, DateTime now,
        IReadOnlyList<string>? quickReplies = null, IReadOnlyList<Guid>? attachmentIds = null, bool whileClosed = false)
    {
        // Only the rating question after closing (and its answers) is added to a closed conversation.
        if (!whileClosed) EnsureOpen();
        // Messages added together (a workflow's greeting and its question in one step batch) share the clock's instant:
        // each is stamped a tick after the one before, so the thread and the outbox keep the order they were written in.
        if (now <= _lastAddedAt) now = _lastAddedAt.AddTicks(1);
        _lastAddedAt = now;
        var message = new Message(Id, ChannelId, direction, author, authorId, body, externalId, status, now, quickReplies, attachmentIds);
        FirstMessageId ??= message.Id;
        Touch(now);
        Raise(new MessageAdded(Id, message.Id, direction, author, now) { State = Snapshot() });
        return message;
    }

    private DateTime _lastAddedAt;

    private ConversationState Snapshot() => new(ContactId, TeamId, AssigneeId, Status, Sequence);

    private void EnsureOpen()
    {
        if (!IsOpen) throw new DomainException("This conversation is closed.");
    }

    private void Touch(DateTime now)
    {
        LastActivityAt = now;
        Sequence++;
    }
}
