using System.Diagnostics;
using Inbound.Domain.Assignment;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Inbound.Web.Diagnostics;
using Inbound.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// The node's one engine worker. At start it re-arms the timer of every waiting run (overdue ones fire at once) and
/// hands over replies that arrived while runs were not listening, and conversations that opened without their runs
/// ever starting; then it drains the engine queue in batches.
/// </summary>
internal sealed class WorkflowEngineWorker(
    EngineQueue queue,
    EngineBatchProcessor processor,
    RunTimers timers,
    IDbContextFactory<InboundDbContext> dbFactory,
    IOptions<WorkflowEngineOptions> options,
    TimeProvider clock,
    ILogger<WorkflowEngineWorker> logger,
    WorkerHeartbeats heartbeats) : BackgroundService
{
    private readonly WorkerHeartbeat _pulse = heartbeats.Register("engine");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeWaitingRunsAsync(stoppingToken);
        await StartMissedConversationsAsync(stoppingToken);
        var reader = queue.Reader;
        var batch = new List<EngineWork>(options.Value.MaxBatchSize);
        var queuedBy = new List<ActivityContext>(options.Value.MaxBatchSize);
        _pulse.Idle();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            _pulse.Working();
            batch.Clear();
            queuedBy.Clear();
            var started = Stopwatch.GetTimestamp();
            while (batch.Count < options.Value.MaxBatchSize && reader.TryRead(out var queued))
            {
                batch.Add(queued.Work);
                queuedBy.Add(queued.QueuedBy);
                InboundMetrics.EngineQueueWait.Record(Stopwatch.GetElapsedTime(queued.QueuedAt, started).TotalMilliseconds);
            }
            InboundMetrics.EngineBatchSize.Record(batch.Count);
            using (var span = InboundTracing.StartBatch("engine batch", queuedBy, batch.Count))
            {
                span?.SetTag("inbound.engine.work", string.Join(',', batch.Select(w => w.GetType().Name).Distinct().Order()));
                await processor.ProcessAsync(batch, stoppingToken);
            }
            _pulse.Idle();
        }
    }

    private async Task ResumeWaitingRunsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.Status == RunStatus.Waiting)
            .Select(r => new { r.Id, r.ConversationId, r.WaitingFor, r.WakeAt, r.WaitingSince, r.TriggerMessageId })
            .ToListAsync(ct);
        foreach (var run in waiting.Where(r => r.WakeAt is not null)) timers.Schedule(run.Id, run.WakeAt!.Value);

        foreach (var run in waiting.Where(r => r.WaitingFor == RunWait.Reply))
        {
            var reply = await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == run.ConversationId && m.Direction == MessageDirection.Inbound && m.AuthorKind == AuthorKind.Contact
                            && m.CreatedAt >= run.WaitingSince && m.Id != run.TriggerMessageId)
                .OrderBy(m => m.CreatedAt).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            if (reply is { } messageId) queue.Enqueue(new EngineWork.ContactReplied(run.ConversationId, messageId));
        }
        if (waiting.Count > 0) logger.LogInformation("Resumed {Count} waiting workflow runs", waiting.Count);

        var watches = await db.Set<InactivityWatch>().AsNoTracking().Where(w => w.DueAt != null).Select(w => new { w.Id, w.DueAt }).ToListAsync(ct);
        foreach (var watch in watches) timers.Schedule(watch.Id, watch.DueAt!.Value, new EngineWork.InactivityDue(watch.Id));
    }

    /// <summary>
    /// A conversation stored just before the app stopped may never have reached the engine: its opening event lived only
    /// in memory. Recent open, unassigned conversations without any run get their opening handled again; the engine
    /// starts a workflow on a conversation only if that workflow has no run there yet, so a second node or a second
    /// restart starts nothing twice. Bounded by the window and the batch size, so that start stays cheap.
    /// </summary>
    private async Task StartMissedConversationsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime - options.Value.MissedStartWindow;
        var missed = await db.Conversations.AsNoTracking()
            .Where(c => c.AssigneeId == null && c.Status == ConversationStatus.Open && c.OpenedAt >= since
                        && !db.WorkflowRuns.Any(r => r.ConversationId == c.Id))
            .OrderByDescending(c => c.OpenedAt)
            .Select(c => c.Id)
            .Take(options.Value.MaxBatchSize)
            .ToListAsync(ct);
        foreach (var id in missed) queue.Enqueue(new EngineWork.ConversationOpened(id));
        if (missed.Count > 0) logger.LogInformation("Handing {Count} open conversations without runs to the engine", missed.Count);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }
}
