using Inbound.Domain.Reports;
using Inbound.Domain.Sla;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Reports;

/// <summary>
/// Brings conversations' facts and the buckets they count in up to date with the conversations as stored. It reads
/// the state, not the events, so replaying, reordering or merging events for one conversation gives the same result,
/// and the same code backfills conversations that predate the reports.
/// </summary>
public sealed class ReportProjection(IDbContextFactory<InboundDbContext> dbFactory, SqliteWriteGate gate)
{
    private static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(1);

    // The key is "REPORTS" in ASCII: any number no other advisory lock of the database uses.
    private const string TakeProjectionLock = "SELECT pg_advisory_xact_lock(23157159320769619)";

    public async Task RefreshAsync(IReadOnlyCollection<Guid> conversationIds, CancellationToken ct = default)
    {
        if (conversationIds.Count == 0) return;
        var ids = conversationIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var hold = await gate.HoldAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Nodes sharing a PostgreSQL database project one batch at a time, each reading what the one before committed.
        // Two batches at once count into the same hours' buckets: they deadlock, insert the same new bucket twice, or
        // overwrite each other's counts. The lock ends with the transaction. (On SQLite the write gate above does this.)
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync(TakeProjectionLock, ct);

        var current = await CurrentFactsAsync(db, ids, ct);
        var stored = await db.Set<ConversationFact>().Where(f => ids.Contains(f.ConversationId)).ToDictionaryAsync(f => f.ConversationId, ct);
        var deltas = new Dictionary<BucketKey, BucketDelta>();
        foreach (var id in ids)
        {
            var before = stored.GetValueOrDefault(id);
            var after = current.GetValueOrDefault(id);
            // The first assignment stays the first, though the conversation's AssignedAt moves on a reassignment.
            if (after is not null && before?.AssignedAt is { } first && (after.AssignedAt is null || first < after.AssignedAt)) after.AssignedAt = first;
            if (before is not null && after is not null && before.SameAs(after)) continue;
            if (before is not null) ReportContributions.Add(deltas, before.Copy(), -1);
            if (after is not null) ReportContributions.Add(deltas, after, +1);
            if (before is null && after is not null) db.Add(after);
            else if (before is not null && after is null) db.Remove(before);
            else if (before is not null && after is not null) db.Entry(before).CurrentValues.SetValues(after);
        }
        await ApplyAsync(db, deltas, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task ApplyAsync(InboundDbContext db, Dictionary<BucketKey, BucketDelta> deltas, CancellationToken ct)
    {
        var buckets = db.Set<ReportBucket>();
        foreach (var (key, delta) in deltas)
        {
            if (delta.IsEmpty) continue;
            var bucket = await buckets.FindAsync([key.Grain, key.Start, key.TeamId, key.Dimension, key.Key], ct);
            if (bucket is null)
            {
                bucket = new ReportBucket { Grain = key.Grain, Start = key.Start, TeamId = key.TeamId, Dimension = key.Dimension, Key = key.Key };
                buckets.Add(bucket);
            }
            bucket.Apply(delta);
            if (bucket.IsEmpty) buckets.Remove(bucket);
        }
    }

    private static async Task<Dictionary<Guid, ConversationFact>> CurrentFactsAsync(InboundDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var contactIds = conversations.Select(c => c.ContactId).Distinct().ToList();
        var closings = (await db.Conversations.AsNoTracking()
                .Where(c => contactIds.Contains(c.ContactId) && c.ClosedAt != null)
                .Select(c => new { c.Id, c.ContactId, ClosedAt = c.ClosedAt!.Value }).ToListAsync(ct))
            .ToLookup(c => c.ContactId);
        // The run that a conversation's opening started is the one whose outcome the reports count: its first.
        var runs = (await db.WorkflowRuns.AsNoTracking().Where(r => ids.Contains(r.ConversationId)).ToListAsync(ct))
            .GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.StartedAt).First());

        var breaches = (await db.Set<SlaBreach>().AsNoTracking().Where(b => ids.Contains(b.ConversationId))
                .Select(b => new { b.ConversationId, b.Kind, b.BreachedAt }).ToListAsync(ct))
            .ToLookup(b => b.ConversationId);

        return conversations.ToDictionary(c => c.Id, c =>
        {
            var run = runs.GetValueOrDefault(c.Id);
            var missed = breaches[c.Id].ToList();
            return new ConversationFact
            {
                ConversationId = c.Id,
                ContactId = c.ContactId,
                TeamId = c.TeamId,
                AgentId = c.AssigneeId,
                ChannelId = c.ChannelId,
                WorkflowId = run?.WorkflowId,
                Source = c.Source,
                OpenedAt = c.OpenedAt,
                AssignedAt = c.AssignedAt,
                FirstResponseAt = c.FirstResponseAt,
                ClosedAt = c.ClosedAt,
                ClosingCategory = c.ClosingNote?.Category,
                Reopened = closings[c.ContactId].Any(p => p.Id != c.Id && p.ClosedAt <= c.OpenedAt && c.OpenedAt - p.ClosedAt < ReopenWindow),
                Outcome = run is null ? null : RunOutcomes.Of(run.Log),
                FirstResponseBreachedAt = missed.FirstOrDefault(b => b.Kind == SlaKind.FirstResponse)?.BreachedAt,
                ResolutionBreachedAt = missed.FirstOrDefault(b => b.Kind == SlaKind.Resolution)?.BreachedAt,
                CsatRating = c.CsatRating,
                CsatRatedAt = c.CsatRatedAt,
            };
        });
    }
}
