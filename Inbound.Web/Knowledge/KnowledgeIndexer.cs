using Inbound.Domain.Knowledge;
using Inbound.Web.Ai;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Knowledge;

/// <summary>
/// In the background, cuts pending articles into passages, embeds them and stores the vectors; an article whose
/// embedding fails (AI off, the service down) is marked failed with the reason and tried again a few minutes later.
/// </summary>
internal sealed class KnowledgeIndexer(IDbContextFactory<InboundDbContext> dbFactory, AiClients ai, KnowledgeIndexSignal signal,
    TimeProvider clock, ILogger<KnowledgeIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryFailedEvery = TimeSpan.FromMinutes(5);
    private const int ChunksPerCall = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastRetry = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var retryFailed = clock.GetUtcNow() - lastRetry >= RetryFailedEvery;
                if (retryFailed) lastRetry = clock.GetUtcNow();
                while (await NextAsync(retryFailed, stoppingToken) is { } articleId) await IndexAsync(articleId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Indexing knowledge articles failed");
            }
            await signal.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }

    private async Task<Guid?> NextAsync(bool retryFailed, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Set<KnowledgeArticle>().Where(a => a.Status == KnowledgeStatus.Pending).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (pending is not null || !retryFailed) return pending;
        // Failed ones go back to pending once per period, each tried once more.
        var failed = await db.Set<KnowledgeArticle>().Where(a => a.Status == KnowledgeStatus.Failed).ToListAsync(ct);
        foreach (var article in failed) article.Status = KnowledgeStatus.Pending;
        await db.SaveChangesAsync(ct);
        return failed.FirstOrDefault()?.Id;
    }

    private async Task IndexAsync(Guid articleId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<KnowledgeArticle>().Include(a => a.Chunks).FirstOrDefaultAsync(a => a.Id == articleId, ct) is not { } article) return;
        var texts = TextChunker.Chunk(article.Title, article.Text);
        try
        {
            var embeddings = ai.RequireEmbeddings();
            var vectors = new List<float[]>();
            foreach (var batch in texts.Chunk(ChunksPerCall))
                vectors.AddRange((await embeddings.GenerateAsync(batch, cancellationToken: ct)).Select(e => e.Vector.ToArray()));
            db.RemoveRange(article.Chunks);
            for (var i = 0; i < texts.Count; i++)
                db.Add(new KnowledgeChunk { ArticleId = article.Id, Index = i, Text = texts[i], Vector = Vectors.ToBytes(vectors[i]) });
            article.Status = KnowledgeStatus.Ready;
            article.Error = null;
            article.ChunkCount = texts.Count;
        }
        catch (AiUnavailableException e)
        {
            article.Status = KnowledgeStatus.Failed;
            article.Error = e.Message;
        }
        article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        signal.Changed();
    }
}
