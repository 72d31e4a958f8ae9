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
/// hands over the <see cref="OrphanedWork"/> the database shows (replies runs did not hear, conversations whose runs
/// never started, closings never handled, queues to drain); then it drains the engine queue in batches.
/// </summary>
internal sealed class WorkflowEngineWorker(
    EngineQueue queue,
    EngineBatchProcessor processor,
    RunTimers timers,
    OrphanedWork orphans,
    IDbContextFactory<InboundDbContext> dbFactory,
    IOptions<WorkflowEngineOptions> options,
    TimeProvider clock,
    ILogger<WorkflowEngineWorker> logger,
    WorkerHeartbeats heartbeats) : BackgroundService
{
    private readonly WorkerHeartbeat _pulse = heartbeats.Register("engine");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RearmTimersAsync(stoppingToken);
        await orphans.EnqueueAsync(clock.GetUtcNow().UtcDateTime, withTimers: false, stoppingToken);
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

    private async Task RearmTimersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.Status == RunStatus.Waiting && r.WakeAt != null)
            .Select(r => new { r.Id, r.WakeAt })
            .ToListAsync(ct);
        foreach (var run in waiting) timers.Schedule(run.Id, run.WakeAt!.Value);
        if (waiting.Count > 0) logger.LogInformation("Re-armed the timers of {Count} waiting workflow runs", waiting.Count);

        var watches = await db.Set<InactivityWatch>().AsNoTracking().Where(w => w.DueAt != null).Select(w => new { w.Id, w.DueAt }).ToListAsync(ct);
        foreach (var watch in watches) timers.Schedule(watch.Id, watch.DueAt!.Value, new EngineWork.InactivityDue(watch.Id));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }
}
