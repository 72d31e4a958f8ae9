using Inbound.Domain.Events;
using Inbound.Domain.SeedWork;
using Inbound.Domain.Workflows;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows.History;

/// <summary>A published version as the history lists it.</summary>
public sealed record VersionRow(int Number, DateTime PublishedAt, string? PublishedBy, int? RolledBackFrom, bool IsLive);

/// <summary>A workflow's version history: who published what and when, what changed between two versions, roll back.</summary>
public sealed class WorkflowVersions(IDbContextFactory<InboundDbContext> dbFactory, IDomainEventPublisher publisher, TimeProvider clock)
{
    public async Task<IReadOnlyList<VersionRow>> ListAsync(Guid workflowId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.AsNoTracking().Include(w => w.Versions).FirstOrDefaultAsync(w => w.Id == workflowId, ct);
        if (workflow is null) return [];
        var live = workflow.ActiveVersion?.Number;
        return [.. workflow.Versions.OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Number, v.PublishedAt, v.PublishedBy, v.RolledBackFrom, v.Number == live))];
    }

    /// <summary>What changed from version <paramref name="from"/> to <paramref name="to"/>; null when either does not exist.</summary>
    public async Task<WorkflowDiff?> DiffAsync(Guid workflowId, int from, int to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == workflowId && (v.Number == from || v.Number == to))
            .ToDictionaryAsync(v => v.Number, v => v.Definition, ct);
        return versions.TryGetValue(from, out var a) && versions.TryGetValue(to, out var b) ? WorkflowDiff.Compare(a, b) : null;
    }

    /// <summary>Publishes version <paramref name="number"/> again as the newest; returns its new number, or why it could not.</summary>
    public async Task<(int? Number, string? Error)> RollBackAsync(Guid workflowId, int number, string? by, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.Include(w => w.Versions).FirstOrDefaultAsync(w => w.Id == workflowId, ct);
        if (workflow is null) return (null, "This workflow does not exist (any more).");
        try
        {
            var version = workflow.RollBackTo(number, clock.GetUtcNow().UtcDateTime, by);
            if (by is not null) workflow.EditedBy(by);
            await db.SaveAndPublishAsync(publisher, ct);
            return (version.Number, null);
        }
        catch (DomainException ex)
        {
            return (null, ex.Message);
        }
    }
}
