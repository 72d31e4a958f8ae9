using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Inbox.Live;

/// <summary>
/// Turns committed domain events into live inbox events and decides who hears each one. It reads the
/// conversation's current assignee, team and sequence, so the audience is right even when the event is old news.
/// </summary>
internal sealed class InboxEventRelay(IDbContextFactory<InboundDbContext> dbFactory, InboxNotifier notifier) :
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
        RelayAsync(InboxEventKinds.ConversationOpened, e.ConversationId, null, null, e.OccurredAt, queueChanged: true, toContact: false, ct);

    public Task HandleAsync(ConversationAssigned e, CancellationToken ct) =>
        RelayAsync(InboxEventKinds.ConversationAssigned, e.ConversationId, e.PreviousAgentId, null, e.OccurredAt, queueChanged: true, toContact: false, ct);

    public Task HandleAsync(ConversationUnassigned e, CancellationToken ct) =>
        RelayAsync(InboxEventKinds.ConversationUnassigned, e.ConversationId, e.PreviousAgentId, null, e.OccurredAt, queueChanged: true, toContact: false, ct);

    public Task HandleAsync(ConversationRoutedToTeam e, CancellationToken ct) =>
        RelayAsync(InboxEventKinds.ConversationUpdated, e.ConversationId, null, null, e.OccurredAt, queueChanged: true, toContact: false, ct);

    public Task HandleAsync(ConversationClosed e, CancellationToken ct) =>
        RelayAsync(InboxEventKinds.ConversationClosed, e.ConversationId, null, null, e.OccurredAt, queueChanged: true, toContact: true, ct);

    public Task HandleAsync(MessageAdded e, CancellationToken ct) =>
        RelayAsync(InboxEventKinds.MessageAdded, e.ConversationId, null, e.MessageId, e.OccurredAt, queueChanged: false,
            toContact: e.Direction != MessageDirection.InternalNote, ct);

    public Task HandleAsync(MessageDeliveryChanged e, CancellationToken ct) =>
        RelayAsync(InboxEventKinds.MessageUpdated, e.ConversationId, null, e.MessageId, e.OccurredAt, queueChanged: false, toContact: true, ct);

    public Task HandleAsync(AgentAvailabilityChanged e, CancellationToken ct) =>
        notifier.PublishAsync(new InboxEvent(InboxEventKinds.AvailabilityChanged, null, 0, e.AgentId, null, null, null, e.OccurredAt),
            [InboxGroups.Agent(e.AgentId), InboxGroups.Supervisors], ct);

    private async Task RelayAsync(string kind, Guid conversationId, Guid? previousAgentId, Guid? messageId, DateTime occurredAt,
        bool queueChanged, bool toContact, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Conversations.AsNoTracking()
            .Where(x => x.Id == conversationId)
            .Select(x => new { x.AssigneeId, x.TeamId, x.ContactId, x.Sequence, x.Status })
            .SingleOrDefaultAsync(ct);
        if (c is null) return;

        var groups = new List<string> { InboxGroups.Admins };
        if (c.AssigneeId is { } assignee) groups.Add(InboxGroups.Agent(assignee));
        if (previousAgentId is { } previous && previous != c.AssigneeId) groups.Add(InboxGroups.Agent(previous));
        if (c.TeamId is { } team)
        {
            groups.Add(InboxGroups.TeamAll(team));
            if (c.AssigneeId is null && c.Status == ConversationStatus.Open) groups.Add(InboxGroups.TeamQueue(team));
        }
        if (toContact) groups.Add(InboxGroups.Contact(c.ContactId));
        await notifier.PublishAsync(new InboxEvent(kind, conversationId, c.Sequence, c.AssigneeId, c.TeamId, messageId, null, occurredAt), groups, ct);

        if (queueChanged && c.TeamId is { } queueTeam)
        {
            var waiting = await db.Conversations.CountAsync(x => x.TeamId == queueTeam && x.AssigneeId == null && x.Status == ConversationStatus.Open, ct);
            await notifier.PublishAsync(new InboxEvent(InboxEventKinds.QueueChanged, conversationId, c.Sequence, null, queueTeam, null, waiting, occurredAt),
                [InboxGroups.TeamQueue(queueTeam), InboxGroups.TeamAll(queueTeam), InboxGroups.Admins, InboxGroups.Supervisors], ct);
        }
    }
}
