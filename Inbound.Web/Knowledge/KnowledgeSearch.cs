using Inbound.Domain.Knowledge;
using Inbound.Web.Ai;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Knowledge;

/// <summary>A passage found for a question, with the article it comes from and how close it is (cosine, 0–1).</summary>
public sealed record KnowledgeHit(Guid ArticleId, string ArticleTitle, string Text, double Score);

/// <summary>
/// Finds the passages nearest a question by cosine similarity over every stored vector. The vectors are read once
/// and kept until the indexed set changes: a workspace's knowledge is thousands of passages, not millions, so a scan
/// in memory answers in milliseconds without a vector database.
/// </summary>
public sealed class KnowledgeSearch(IDbContextFactory<InboundDbContext> dbFactory, AiClients ai, KnowledgeIndexSignal signal)
{
    private sealed record IndexedChunk(Guid ArticleId, string Title, string Text, float[] Vector);

    private sealed record Snapshot(int Version, IReadOnlyList<IndexedChunk> Chunks);

    // Replaced whole, never changed in place: a search reads one consistent snapshot without a lock.
    private Snapshot? _cache;

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string question, int top, CancellationToken cancellationToken = default)
    {
        var chunks = await ChunksAsync(cancellationToken);
        if (chunks.Count == 0) return [];
        var query = (await ai.RequireEmbeddings().GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
        return [.. chunks
            .Select(c => new KnowledgeHit(c.ArticleId, c.Title, c.Text, Vectors.Cosine(query.Span, c.Vector)))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .Take(top)];
    }

    private async Task<IReadOnlyList<IndexedChunk>> ChunksAsync(CancellationToken ct)
    {
        var version = signal.Version;
        if (_cache is { } cached && cached.Version == version) return cached.Chunks;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<KnowledgeChunk>().AsNoTracking()
            .Join(db.Set<KnowledgeArticle>().Where(a => a.Status == KnowledgeStatus.Ready), c => c.ArticleId, a => a.Id, (c, a) => new { c.ArticleId, a.Title, c.Text, c.Vector })
            .ToListAsync(ct);
        var chunks = rows.Select(r => new IndexedChunk(r.ArticleId, r.Title, r.Text, Vectors.FromBytes(r.Vector))).ToList();
        _cache = new Snapshot(version, chunks);
        return chunks;
    }
}
