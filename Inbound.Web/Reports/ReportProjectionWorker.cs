using Inbound.Web.Data;
using Inbound.Web.Operations;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Reports;

/// <summary>
/// Projects changed conversations into the report facts and buckets, a batch per transaction. At start it first
/// backfills every conversation that has no facts yet (an installation upgraded to reports, or changes a crash lost).
/// </summary>
public sealed class ReportProjectionWorker(ReportEventSubscriber events, ReportProjection projection, IDbContextFactory<InboundDbContext> dbFactory,
    ILogger<ReportProjectionWorker> logger, WorkerHeartbeats heartbeats) : BackgroundService
{
    private readonly WorkerHeartbeat _pulse = heartbeats.Register("report-projection");
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            try
            {
                await BackfillAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A conversation projected meanwhile by a live change (or another node) conflicts with the backfill's
                // insert. The reports must not stop the node: the live changes go on and the next start backfills again.
                logger.LogError(ex, "Backfilling the reports failed; live changes are projected and the next start tries again");
            }
            var batch = new List<Guid>(BatchSize);
            _pulse.Idle();
            while (await events.Changed.WaitToReadAsync(stoppingToken))
            {
                _pulse.Working();
                while (batch.Count < BatchSize && events.Changed.TryRead(out var id)) batch.Add(id);
                try
                {
                    await projection.RefreshAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next change of these conversations, or the next start's backfill, projects them again.
                    logger.LogError(ex, "Projecting {Count} conversations into the reports failed", batch.Count);
                }
                batch.Clear();
                _pulse.Idle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task BackfillAsync(CancellationToken ct)
    {
        while (true)
        {
            List<Guid> missing;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                missing = await db.Conversations.AsNoTracking()
                    .Where(c => !db.Set<ConversationFact>().Any(f => f.ConversationId == c.Id))
                    .Select(c => c.Id).Take(BatchSize).ToListAsync(ct);
            }
            if (missing.Count == 0) return;
            await projection.RefreshAsync(missing, ct);
            _pulse.Working();
        }
    }
}
