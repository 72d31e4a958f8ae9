using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Admin.Audit;

public sealed record AuditFilter(string? Action = null, string? Actor = null, string? Search = null, DateTime? From = null, DateTime? Until = null);

/// <summary>Appends to the audit log and reads it back newest first; there is deliberately nothing that edits an entry.</summary>
public sealed class AuditLog(IDbContextFactory<InboundDbContext> dbFactory, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(Actor actor, string action, string subject, string detail = "", CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.UserId, Clip(actor.Name, 200), Clip(action, 60), Clip(subject, 300), Clip(detail, 2000)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest entries matching the filter, before the entry <paramref name="beforeId"/> (keyset paging).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditFilter filter, long? beforeId = null, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (beforeId is { } before) query = query.Where(e => e.Id < before);
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(e => e.Action.StartsWith(filter.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.Actor)) query = query.Where(e => e.ActorName.Contains(filter.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.Search))
            query = query.Where(e => e.Subject.Contains(filter.Search.Trim()) || e.Detail.Contains(filter.Search.Trim()));
        if (filter.From is { } from) query = query.Where(e => e.At >= from);
        if (filter.Until is { } until) query = query.Where(e => e.At < until);
        return await query.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
