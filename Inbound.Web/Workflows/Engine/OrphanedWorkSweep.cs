using Inbound.Web.Operations;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Looks for <see cref="OrphanedWork"/> on every node, every <see cref="WorkflowEngineOptions.SweepEvery"/>: when another
/// node crashes, its waiting runs, queued conversations and unheard events are taken over by the nodes still running,
/// without waiting for a restart. Only what has been pending for a whole interval counts, so the live node that owns an
/// item normally handles it first.
/// </summary>
internal sealed class OrphanedWorkSweep(OrphanedWork orphans, IOptions<WorkflowEngineOptions> options, TimeProvider clock, ILogger<OrphanedWorkSweep> logger,
    WorkerHeartbeats heartbeats) : BackgroundService
{
    private readonly WorkerHeartbeat _pulse = heartbeats.Register("orphaned-work-sweep");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.SweepEvery;
        while (!stoppingToken.IsCancellationRequested)
        {
            // One pending delay, not a periodic timer: a fake clock moved on by hours wakes it once.
            _pulse.Sleeping(every);
            await Task.Delay(every, clock, stoppingToken);
            _pulse.Working();
            try
            {
                await orphans.EnqueueAsync(clock.GetUtcNow().UtcDateTime - every, withTimers: true, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Looking for engine work no node was handling failed; it runs again next interval");
            }
        }
    }
}
