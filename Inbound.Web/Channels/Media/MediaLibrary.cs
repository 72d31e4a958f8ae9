using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Media;

/// <summary>A file's metadata as the thread and the senders see it.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Length)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
    public string Url => $"media/{Id}";
}

/// <summary>Stores attachments within the configured limits, and reads them back for the thread, downloads and senders.</summary>
public sealed class MediaLibrary(IDbContextFactory<InboundDbContext> dbFactory, IFileStore store, IOptions<MediaOptions> options, TimeProvider clock)
{
    /// <summary>Stores a file; returns its id, or the reason it was refused (too large, a type not allowed).</summary>
    public async Task<(Guid? Id, string? Error)> StoreAsync(Stream content, string fileName, string contentType, Guid? conversationId,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!limits.Allows(contentType)) return (null, $"Files of type {contentType} are not accepted.");
        // Counted while copying: a declared length can lie, and a stream may have none.
        var limited = new LimitedStream(content, limits.MaxFileBytes);
        string key;
        try
        {
            key = await store.SaveAsync(limited, cancellationToken);
        }
        catch (LimitedStream.TooLargeException)
        {
            return (null, $"{fileName} is larger than {limits.MaxFileBytes / (1024 * 1024)} MB.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var file = new StoredFile(fileName, contentType, limited.Count, key, conversationId, clock.GetUtcNow().UtcDateTime);
        db.Set<StoredFile>().Add(file);
        await db.SaveChangesAsync(cancellationToken);
        return (file.Id, null);
    }

    /// <summary>Ties a contact's files to the conversation their message joined.</summary>
    public async Task BelongToAsync(IReadOnlyCollection<Guid> fileIds, Guid conversationId, CancellationToken cancellationToken)
    {
        if (fileIds.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<StoredFile>().Where(f => fileIds.Contains(f.Id) && f.ConversationId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ConversationId, conversationId), cancellationToken);
    }

    public async Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
    }

    public Task<Stream> OpenAsync(StoredFile file, CancellationToken cancellationToken) => store.OpenReadAsync(file.StorageKey, cancellationToken);
}
