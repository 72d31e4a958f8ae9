using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Conversations;

public sealed record ConversationOpened(Guid ConversationId, Guid ContactId, Guid ChannelId, ConversationSource Source, DateTime OccurredAt) : IDomainEvent, IConversationEvent
{
    public ConversationState? State { get; init; }
}

public sealed record ConversationClosed(Guid ConversationId, Guid ContactId, Guid? ClosedBy, ClosingNote Note, DateTime OccurredAt) : IDomainEvent, IConversationEvent
{
    public ConversationState? State { get; init; }
}

public sealed record MessageAdded(Guid ConversationId, Guid MessageId, MessageDirection Direction, AuthorKind AuthorKind, DateTime OccurredAt) : IDomainEvent, IConversationEvent
{
    public ConversationState? State { get; init; }
}

public sealed record ConversationAssigned(Guid ConversationId, Guid? TeamId, Guid AgentId, Guid? PreviousAgentId, DateTime OccurredAt) : IDomainEvent, IConversationEvent
{
    public ConversationState? State { get; init; }
}

public sealed record ConversationUnassigned(Guid ConversationId, Guid? TeamId, Guid PreviousAgentId, DateTime OccurredAt) : IDomainEvent, IConversationEvent
{
    public ConversationState? State { get; init; }
}

public sealed record ConversationRoutedToTeam(Guid ConversationId, Guid TeamId, DateTime OccurredAt) : IDomainEvent, IConversationEvent
{
    public ConversationState? State { get; init; }
}

public sealed record MessageDeliveryChanged(Guid ConversationId, Guid MessageId, DeliveryStatus Status, DateTime OccurredAt) : IDomainEvent, IConversationEvent
{
    public ConversationState? State { get; init; }

    /// <summary>Why it failed, when <see cref="Status"/> is Failed.</summary>
    public string? Error { get; init; }
}
