using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows;

/// <summary>What the workflows list shows beside each workflow: who last edited it and its runs of the last 24 hours.</summary>
public sealed class WorkflowActivity(IDbContextFactory<InboundDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<Guid, int>> RunsInLastDayAsync(CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkflowRuns.AsNoTracking().Where(r => r.StartedAt >= since)
            .GroupBy(r => r.WorkflowId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> EditorsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Workflows.AsNoTracking().Where(w => w.UpdatedBy != null)
            .ToDictionaryAsync(w => w.Id, w => w.UpdatedBy!, ct);
    }

    /// <summary>Records the person behind a change the workflow service just saved.</summary>
    public async Task RecordEditorAsync(Guid workflowId, string editor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.FirstOrDefaultAsync(w => w.Id == workflowId, ct);
        if (workflow is null) return;
        workflow.EditedBy(editor);
        await db.SaveChangesAsync(ct);
    }
}
