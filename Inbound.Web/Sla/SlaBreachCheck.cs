using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.Sla;
using Inbound.Web.Data;
using Inbound.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Sla;

/// <summary>
/// Records SLA breaches: on every tick of <see cref="TimeProvider"/> (a fake clock in tests) it reads the conversations
/// whose next due time has passed (an index seek, not a scan) and writes a breach for each target missed. Durable: the
/// due times live in the database, so a breach that fell due while the app was down is written on the first tick.
/// </summary>
internal sealed class SlaBreachCheck(IDbContextFactory<InboundDbContext> dbFactory, IDomainEventPublisher publisher, TimeProvider clock,
    IOptions<SlaOptions> options, ILogger<SlaBreachCheck> logger, WorkerHeartbeats heartbeats) : BackgroundService
{
    private readonly WorkerHeartbeat _pulse = heartbeats.Register("sla-check");
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _pulse.Working();
            try
            {
                while (await CheckAsync(stoppingToken) == Batch) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The SLA breach check failed; it runs again on the next tick");
            }
            // One pending delay, not a periodic timer: a clock moved on by days (a fake one in tests) wakes it once.
            _pulse.Sleeping(options.Value.CheckEvery);
            await Task.Delay(options.Value.CheckEvery, clock, stoppingToken);
        }
    }

    /// <returns>How many conversations fell due (a full batch means more may wait).</returns>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Conversations.Where(c => c.SlaCheckAt != null && c.SlaCheckAt <= now)
            .OrderBy(c => c.SlaCheckAt).Take(Batch).ToListAsync(cancellationToken);
        foreach (var conversation in due)
            db.AddRange(conversation.CheckSla(now));
        try
        {
            await db.SaveAndPublishAsync(publisher, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another check (a second node) or a writer got there first: a breach already written, or the conversation
            // changed. Each one again on its own, so that the others are not held back; what still conflicts is settled.
            foreach (var id in due.Select(c => c.Id)) await CheckOneAsync(id, now, cancellationToken);
        }
        return due.Count;
    }

    private async Task CheckOneAsync(Guid id, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Conversations.FindAsync([id], cancellationToken) is not { } conversation) return;
        // A breach written before (a move to another team sets the due times afresh) is not written twice.
        var written = await db.Set<SlaBreach>().Where(b => b.ConversationId == id).Select(b => b.Kind).ToListAsync(cancellationToken);
        db.AddRange(conversation.CheckSla(now).Where(b => !written.Contains(b.Kind)));
        try
        {
            await db.SaveAndPublishAsync(publisher, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogDebug(ex, "SLA of conversation {Id} was checked by someone else", id);
        }
    }
}
