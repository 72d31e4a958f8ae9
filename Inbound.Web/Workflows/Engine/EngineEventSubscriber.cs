using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.Teams;
using Inbound.Domain.Workflows;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Turns domain events into engine work. It only enqueues (or drops a cache entry), so that ingestion and the inbox,
/// which publish these events, never wait for a workflow to run.
/// </summary>
internal sealed class EngineEventSubscriber(EngineQueue queue, PublishedWorkflows published) :
    IDomainEventHandler<ConversationOpened>,
    IDomainEventHandler<ConversationClosed>,
    IDomainEventHandler<ConversationAssigned>,
    IDomainEventHandler<MessageAdded>,
    IDomainEventHandler<ConversationUnassigned>,
    IDomainEventHandler<ConversationRoutedToTeam>,
    IDomainEventHandler<AgentAvailabilityChanged>,
    IDomainEventHandler<AgentCapacityChanged>,
    IDomainEventHandler<AgentSkillsChanged>,
    IDomainEventHandler<TeamMemberAdded>,
    IDomainEventHandler<TeamHoursChanged>,
    IDomainEventHandler<WorkflowPublished>,
    IDomainEventHandler<WorkflowDisabled>
{
    public Task HandleAsync(ConversationOpened e, CancellationToken ct) => Enqueue(new EngineWork.ConversationOpened(e.ConversationId));

    public Task HandleAsync(ConversationClosed e, CancellationToken ct) => Enqueue(new EngineWork.ConversationClosed(e.ConversationId));

    public Task HandleAsync(ConversationAssigned e, CancellationToken ct)
    {
        queue.Enqueue(new EngineWork.ConversationAssigned(e.ConversationId));
        // Reassigned away from someone: that agent has room again, and their teams' queues may go to them.
        if (e.PreviousAgentId is { } previous && previous != e.AgentId) queue.Enqueue(new EngineWork.AgentFreed(previous));
        return Task.CompletedTask;
    }

    public Task HandleAsync(MessageAdded e, CancellationToken ct) =>
        e is { Direction: MessageDirection.Inbound, AuthorKind: AuthorKind.Contact }
            ? Enqueue(new EngineWork.ContactReplied(e.ConversationId, e.MessageId))
            : Task.CompletedTask;

    /// <summary>
    /// Unassigned (by a person, a workflow, or because the agent was deactivated): the conversation goes back into its
    /// team's queue, so it is never stranded, and the agent who had it has room again.
    /// </summary>
    public Task HandleAsync(ConversationUnassigned e, CancellationToken ct) => Enqueue(new EngineWork.ConversationUnassigned(e.ConversationId, e.PreviousAgentId));

    public Task HandleAsync(ConversationRoutedToTeam e, CancellationToken ct) => Enqueue(new EngineWork.ConversationMovedToTeam(e.ConversationId));

    public Task HandleAsync(AgentAvailabilityChanged e, CancellationToken ct) =>
        Enqueue(e.Current == AgentAvailability.Online ? new EngineWork.AgentFreed(e.AgentId) : new EngineWork.AgentLeft(e.AgentId));

    public Task HandleAsync(AgentCapacityChanged e, CancellationToken ct) => Enqueue(new EngineWork.AgentFreed(e.AgentId));

    public Task HandleAsync(AgentSkillsChanged e, CancellationToken ct) => Enqueue(new EngineWork.AgentFreed(e.AgentId));

    public Task HandleAsync(TeamMemberAdded e, CancellationToken ct) => Enqueue(new EngineWork.AgentFreed(e.AgentId));

    public Task HandleAsync(TeamHoursChanged e, CancellationToken ct)
    {
        published.TeamHoursChanged(e.TeamId);
        return Task.CompletedTask;
    }

    public Task HandleAsync(WorkflowPublished e, CancellationToken ct)
    {
        published.Invalidate();
        return Task.CompletedTask;
    }

    public Task HandleAsync(WorkflowDisabled e, CancellationToken ct)
    {
        published.Invalidate();
        return Task.CompletedTask;
    }

    private Task Enqueue(EngineWork work)
    {
        queue.Enqueue(work);
        return Task.CompletedTask;
    }
}
