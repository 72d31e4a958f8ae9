using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Classifier;

/// <summary>The workspace's closed conversations as training samples, labelled with their team or their closing category.</summary>
public static class TrainingSet
{
    /// <summary>The most recent closed conversations are read: the newest say best how contacts write today.</summary>
    public const int MaxConversations = 20_000;

    public static async Task<List<TrainingSample>> ReadAsync(InboundDbContext db, LabelKind kind, CancellationToken ct)
    {
        var closed = db.Conversations.AsNoTracking().Where(c => c.Status == ConversationStatus.Closed);
        var labelled = kind == LabelKind.Team
            ? from c in closed
              join t in db.Teams on c.TeamId equals (Guid?)t.Id
              select new { c.Id, c.ClosedAt, Label = t.Name }
            : from c in closed
              where c.ClosingNote != null
              select new { c.Id, c.ClosedAt, Label = c.ClosingNote!.Category };
        var conversations = await labelled.OrderByDescending(c => c.ClosedAt).Take(MaxConversations).ToDictionaryAsync(c => c.Id, c => c.Label, ct);

        var messages = await (
            from m in ClassifierText.ContactMessages(db)
            join c in labelled.OrderByDescending(c => c.ClosedAt).Take(MaxConversations) on m.ConversationId equals c.Id
            select new { m.ConversationId, m.Id, m.CreatedAt, m.Body }).ToListAsync(ct);

        return [.. messages.GroupBy(m => m.ConversationId)
            .Select(g => new TrainingSample(ClassifierText.Compose(g.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Body)), conversations[g.Key]))
            .Where(s => s.Text.Length > 0)];
    }
}
