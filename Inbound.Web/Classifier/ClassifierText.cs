using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Classifier;

/// <summary>
/// What the classifier reads of a conversation, the same when training on closed ones and when predicting for a new
/// one: the contact's first few messages (their first words say what they came for; later ones drift into the
/// conversation with the agent), cut to a length that keeps a pasted log from drowning them.
/// </summary>
public static class ClassifierText
{
    public const int FirstMessages = 3;
    public const int MaxLength = 600;

    public static string Compose(IEnumerable<string> firstMessages)
    {
        var text = string.Join("\n", firstMessages.Take(FirstMessages).Select(m => m.Trim()).Where(m => m.Length > 0));
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    /// <summary>The contact's messages of one conversation, oldest first, as the classifier reads them.</summary>
    public static async Task<string> OfConversationAsync(InboundDbContext db, Guid conversationId, CancellationToken ct)
    {
        var bodies = await ContactMessages(db).Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(FirstMessages).Select(m => m.Body).ToListAsync(ct);
        return Compose(bodies);
    }

    public static IQueryable<Message> ContactMessages(InboundDbContext db) =>
        db.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Inbound && m.AuthorKind == AuthorKind.Contact);
}
