using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Outbox;

/// <summary>
/// Claims due outbox rows for one sender round. Several nodes share one database: the claim is a single conditional
/// UPDATE (only rows nobody holds, or whose lease ran out), which SQLite runs atomically, so two nodes never hold
/// the same row; each round then reads back the rows that carry its own token.
/// </summary>
internal sealed class OutboxClaims(IDbContextFactory<InboundDbContext> dbFactory, IOptions<OutboxOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<Guid>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Value.Lease;
        var token = Guid.NewGuid().ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = db.Set<OutboxEntry>()
            .Where(o => o.CompletedAt == null && o.NextAttemptAt <= now && (o.LeaseUntil == null || o.LeaseUntil < now))
            .OrderBy(o => o.NextAttemptAt)
            .Select(o => o.Id)
            .Take(options.Value.BatchSize);
        var claimed = await db.Set<OutboxEntry>()
            .Where(o => due.Contains(o.Id) && o.CompletedAt == null && (o.LeaseUntil == null || o.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseOwner, token).SetProperty(o => o.LeaseUntil, until), cancellationToken);
        if (claimed == 0) return [];
        return await db.Set<OutboxEntry>().Where(o => o.LeaseOwner == token).Select(o => o.Id).ToListAsync(cancellationToken);
    }
}
