using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows;

/// <summary>How many runs each workflow started in the last 24 hours, for the workflows list.</summary>
public sealed class WorkflowRunCounts(IDbContextFactory<InboundDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<Guid, int>> LastDayAsync(CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkflowRuns.AsNoTracking().Where(r => r.StartedAt >= since)
            .GroupBy(r => r.WorkflowId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
