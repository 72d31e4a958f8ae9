using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;

namespace Inbound.Web.Inbox.Live;

/// <summary>
/// Turns committed domain events into live inbox changes. Conversation changes go through <see cref="InboxFanout"/>
/// with the conversation's state as the event carries it, which decides who hears them.
/// </summary>
internal sealed class InboxEventRelay(InboxFanout fanout, InboxNotifier notifier) :
    IDomainEventHandler<ConversationOpened>,
    IDomainEventHandler<ConversationAssigned>,
    IDomainEventHandler<ConversationUnassigned>,
    IDomainEventHandler<ConversationRoutedToTeam>,
    IDomainEventHandler<ConversationClosed>,
    IDomainEventHandler<MessageAdded>,
    IDomainEventHandler<MessageDeliveryChanged>,
    IDomainEventHandler<AgentAvailabilityChanged>
{
    public Task HandleAsync(ConversationOpened e, CancellationToken ct) =>
        Relay(new(InboxEventKinds.ConversationOpened, e.ConversationId, null, null, e.OccurredAt, QueueChanged: true, ToContact: false, e.State));

    public Task HandleAsync(ConversationAssigned e, CancellationToken ct) =>
        Relay(new(InboxEventKinds.ConversationAssigned, e.ConversationId, e.PreviousAgentId, null, e.OccurredAt, QueueChanged: true, ToContact: false, e.State));

    public Task HandleAsync(ConversationUnassigned e, CancellationToken ct) =>
        Relay(new(InboxEventKinds.ConversationUnassigned, e.ConversationId, e.PreviousAgentId, null, e.OccurredAt, QueueChanged: true, ToContact: false, e.State));

    public Task HandleAsync(ConversationRoutedToTeam e, CancellationToken ct) =>
        Relay(new(InboxEventKinds.ConversationUpdated, e.ConversationId, null, null, e.OccurredAt, QueueChanged: true, ToContact: false, e.State));

    public Task HandleAsync(ConversationClosed e, CancellationToken ct) =>
        Relay(new(InboxEventKinds.ConversationClosed, e.ConversationId, null, null, e.OccurredAt, QueueChanged: true, ToContact: true, e.State));

    public Task HandleAsync(MessageAdded e, CancellationToken ct) =>
        Relay(new(InboxEventKinds.MessageAdded, e.ConversationId, null, e.MessageId, e.OccurredAt, QueueChanged: false,
            ToContact: e.Direction != MessageDirection.InternalNote, e.State));

    public Task HandleAsync(MessageDeliveryChanged e, CancellationToken ct) =>
        Relay(new(InboxEventKinds.MessageUpdated, e.ConversationId, null, e.MessageId, e.OccurredAt, QueueChanged: false, ToContact: true, e.State));

    public Task HandleAsync(AgentAvailabilityChanged e, CancellationToken ct)
    {
        notifier.Publish(new InboxEvent(InboxEventKinds.AvailabilityChanged, null, 0, e.AgentId, null, null, null, e.OccurredAt),
            [InboxGroups.Agent(e.AgentId), InboxGroups.Supervisors]);
        return Task.CompletedTask;
    }

    private Task Relay(ConversationChange change)
    {
        fanout.Enqueue(change);
        return Task.CompletedTask;
    }
}
