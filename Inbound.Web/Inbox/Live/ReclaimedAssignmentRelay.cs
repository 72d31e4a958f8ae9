using Inbound.Domain.Assignment;
using Inbound.Domain.Events;

namespace Inbound.Web.Inbox.Live;

/// <summary>Tells the agent a conversation was taken back from them: their pages and hub clients hear it, nobody else.</summary>
internal sealed class ReclaimedAssignmentRelay(InboxNotifier notifier) : IDomainEventHandler<AssignmentReclaimed>
{
    public Task HandleAsync(AssignmentReclaimed e, CancellationToken ct)
    {
        notifier.Publish(new InboxEvent(InboxEventKinds.AssignmentReclaimed, e.ConversationId, 0, e.AgentId, null, null, null, e.OccurredAt),
            [InboxGroups.Agent(e.AgentId)]);
        return Task.CompletedTask;
    }
}
