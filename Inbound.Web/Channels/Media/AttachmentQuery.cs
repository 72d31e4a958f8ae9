using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Channels.Media;

/// <summary>Reads the attachments of a page of messages in one query, for the thread.</summary>
public static class AttachmentQuery
{
    public static async Task<IReadOnlyDictionary<Guid, AttachmentView>> DescribeAsync(InboundDbContext db, IEnumerable<Message> messages,
        CancellationToken cancellationToken)
    {
        var ids = messages.SelectMany(m => m.AttachmentIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<Guid, AttachmentView>();
        return await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => new AttachmentView(f.Id, f.FileName, f.ContentType, f.Length), cancellationToken);
    }

    public static IReadOnlyList<AttachmentView>? Of(Message message, IReadOnlyDictionary<Guid, AttachmentView> files) =>
        message.AttachmentIds is { Count: > 0 } ids ? ids.Where(files.ContainsKey).Select(id => files[id]).ToList() : null;
}
