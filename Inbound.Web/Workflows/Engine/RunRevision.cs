using Inbound.Domain.Workflows.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Every save that changes a run moves the run's revision, a concurrency token. Two nodes that resume the same waiting
/// run (a timer both swept, a reply both heard) both read revision n and write n + 1: the second save matches no row,
/// fails, and is replayed on fresh state, where the run has moved on. So a run is resumed once, and what it sends is
/// sent once, without a lock held across the step.
/// </summary>
internal sealed class RunRevision : SaveChangesInterceptor
{
    public const string Property = "Revision";

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private static void Bump(DbContext? db)
    {
        if (db is null) return;
        foreach (var entry in db.ChangeTracker.Entries<WorkflowRun>())
        {
            if (entry.State != EntityState.Modified) continue;
            var revision = entry.Property<long>(Property);
            revision.CurrentValue = revision.OriginalValue + 1;
        }
    }
}
