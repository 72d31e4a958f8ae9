using Inbound.Web.Admin.Audit;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Knowledge;

/// <summary>An article as the admin page lists it.</summary>
public sealed record KnowledgeArticleView(Guid Id, string Title, string? FileName, int Length, KnowledgeStatus Status, string? Error, int ChunkCount, DateTime UpdatedAt);

/// <summary>
/// Adds and removes knowledge articles. Saving never embeds: the article is stored as pending and the
/// <see cref="KnowledgeIndexer"/> is woken, so a slow or absent model service never holds up the admin's request.
/// </summary>
public sealed class KnowledgeBase(IDbContextFactory<InboundDbContext> dbFactory, KnowledgeIndexSignal signal, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<KnowledgeArticleView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<KnowledgeArticle>().AsNoTracking()
            .Select(a => new KnowledgeArticleView(a.Id, a.Title, a.FileName, a.Text.Length, a.Status, a.Error, a.ChunkCount, a.UpdatedAt))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(a => a.Title, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Stores the article as pending and wakes the indexer; returns a problem to show instead when the input is not usable.</summary>
    public async Task<(Guid? Id, string? Problem)> AddAsync(string title, string text, string? fileName, Actor actor, CancellationToken cancellationToken = default)
    {
        title = title.Trim();
        text = text.Trim();
        if (title.Length == 0) return (null, "TitleRequired");
        if (title.Length > KnowledgeArticle.MaxTitleLength) return (null, "TitleTooLong");
        if (text.Length == 0) return (null, "TextRequired");
        if (text.Length > KnowledgeArticle.MaxTextLength) return (null, "TextTooLong");

        var article = new KnowledgeArticle { Title = title, Text = text, FileName = fileName, Status = KnowledgeStatus.Pending, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.Add(article);
            await db.SaveChangesAsync(cancellationToken);
        }
        signal.Wake();
        await audit.RecordAsync(actor, "knowledge.added", $"Article {title}", fileName ?? "", cancellationToken);
        return (article.Id, null);
    }

    public async Task DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<KnowledgeArticle>().FindAsync([id], cancellationToken) is not { } article) return;
        db.Remove(article);
        await db.SaveChangesAsync(cancellationToken);
        signal.Changed();
        await audit.RecordAsync(actor, "knowledge.deleted", $"Article {article.Title}", "", cancellationToken);
    }

    /// <summary>Puts articles that failed back in line, e.g. after AI was switched on.</summary>
    public async Task RetryFailedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<KnowledgeArticle>().Where(a => a.Status == KnowledgeStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, KnowledgeStatus.Pending).SetProperty(a => a.Error, (string?)null), cancellationToken);
        signal.Wake();
    }
}
