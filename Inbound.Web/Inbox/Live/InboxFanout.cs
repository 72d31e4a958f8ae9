using System.Diagnostics;
using System.Threading.Channels;
using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Inbound.Web.Diagnostics;
using Inbound.Web.Operations;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Inbox.Live;

/// <summary>A committed conversation change waiting to be told to whoever may hear of it.</summary>
internal sealed record ConversationChange(string Kind, Guid ConversationId, Guid? PreviousAgentId, Guid? MessageId, DateTime OccurredAt, bool QueueChanged, bool ToContact,
    ConversationState? State)
{
    public long QueuedAt { get; } = Stopwatch.GetTimestamp();
}

/// <summary>
/// Decides the audience of conversation changes and hands them to the <see cref="InboxNotifier"/>, in commit order,
/// on its own loop: writers that publish (ingestion, the engine, agents) never wait for the fan-out. Each event is built
/// once from the state its domain event carries; only changes raised without it (delivery updates) read their
/// conversation, a batch in one query. Queue sizes of the teams whose queue moved are counted once per batch.
/// </summary>
internal sealed class InboxFanout(IDbContextFactory<InboundDbContext> dbFactory, InboxNotifier notifier, ILogger<InboxFanout> logger,
    WorkerHeartbeats heartbeats) : BackgroundService
{
    private readonly WorkerHeartbeat _pulse = heartbeats.Register("inbox-fanout");
    private const int MaxBatch = 512;

    private readonly Channel<ConversationChange> _changes = Channel.CreateUnbounded<ConversationChange>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(ConversationChange change) => _changes.Writer.TryWrite(change);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ConversationChange>(MaxBatch);
        _pulse.Idle();
        while (await _changes.Reader.WaitToReadAsync(stoppingToken))
        {
            _pulse.Working();
            batch.Clear();
            while (batch.Count < MaxBatch && _changes.Reader.TryRead(out var change)) batch.Add(change);
            var started = Stopwatch.GetTimestamp();
            foreach (var change in batch) InboundMetrics.FanoutQueueWait.Record(Stopwatch.GetElapsedTime(change.QueuedAt, started).TotalMilliseconds);
            try
            {
                await FanOutAsync(batch, stoppingToken);
                InboundMetrics.Fanout.Record(InboundMetrics.Since(started));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The changes are committed; a client that missed them re-reads on its next event or reconnect.
                logger.LogError(ex, "Could not fan out {Count} inbox changes", batch.Count);
            }
            _pulse.Idle();
        }
    }

    private async Task FanOutAsync(IReadOnlyList<ConversationChange> batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unknown = batch.Where(c => c.State is null).Select(c => c.ConversationId).Distinct().ToList();
        var read = unknown.Count == 0
            ? []
            : await db.Conversations.AsNoTracking()
                .Where(x => unknown.Contains(x.Id))
                .ToDictionaryAsync(x => x.Id, x => new ConversationState(x.ContactId, x.TeamId, x.AssigneeId, x.Status, x.Sequence), ct);
        var queueTeams = batch.Where(c => c.QueueChanged).Select(c => c.State?.TeamId).OfType<Guid>().Distinct().ToList();
        var queueCounts = queueTeams.Count == 0
            ? []
            : await db.Conversations.AsNoTracking()
                .Where(x => x.TeamId != null && queueTeams.Contains(x.TeamId.Value) && x.AssigneeId == null && x.Status == ConversationStatus.Open)
                .GroupBy(x => x.TeamId!.Value)
                .Select(g => new { Team = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Team, x => x.Count, ct);

        foreach (var change in batch)
        {
            if ((change.State ?? read.GetValueOrDefault(change.ConversationId)) is not { } c) continue;
            var groups = new List<string>(6) { InboxGroups.Admins };
            if (c.AssigneeId is { } assignee) groups.Add(InboxGroups.Agent(assignee));
            if (change.PreviousAgentId is { } previous && previous != c.AssigneeId) groups.Add(InboxGroups.Agent(previous));
            if (c.TeamId is { } team)
            {
                groups.Add(InboxGroups.TeamAll(team));
                if (c.AssigneeId is null && c.Status == ConversationStatus.Open) groups.Add(InboxGroups.TeamQueue(team));
            }
            if (change.ToContact) groups.Add(InboxGroups.Contact(c.ContactId));
            notifier.Publish(new InboxEvent(change.Kind, change.ConversationId, c.Sequence, c.AssigneeId, c.TeamId, change.MessageId, null, change.OccurredAt), groups);

            if (change.QueueChanged && c.TeamId is { } queueTeam)
                notifier.Publish(
                    new InboxEvent(InboxEventKinds.QueueChanged, change.ConversationId, c.Sequence, null, queueTeam, null, queueCounts.GetValueOrDefault(queueTeam), change.OccurredAt),
                    [InboxGroups.TeamQueue(queueTeam), InboxGroups.TeamAll(queueTeam), InboxGroups.Admins, InboxGroups.Supervisors]);
        }
    }
}
