namespace Inbound.Domain.Conversations;

/// <summary>
/// Who a conversation belongs to right after a change, as its aggregate held it. Events carry it so that those who
/// tell others of the change (the live inbox) know the audience without reading the conversation again.
/// </summary>
public sealed record ConversationState(Guid ContactId, Guid? TeamId, Guid? AssigneeId, ConversationStatus Status, long Sequence);

/// <summary>An event about one conversation, carrying its state after the change.</summary>
public interface IConversationEvent
{
    Guid ConversationId { get; }

    /// <summary>Null where the raiser did not hold the conversation (a message's delivery update).</summary>
    ConversationState? State { get; }
}
