using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Ai;

/// <summary>One earlier turn of the thread as the model reads it: the contact's words, or the AI step's own answer.</summary>
public sealed record AiTurn(bool FromContact, string Text);

/// <summary>
/// The recent turns an AI step's question comes with, so that a follow-up ("and on Sundays?") keeps its context: the
/// contact's messages and the step's own earlier answers, oldest first. Agents' replies, other steps' messages and notes
/// stay out: the model would take them for its own words. Redaction happens where every request leaves the app.
/// </summary>
public sealed class AiStepHistory(IDbContextFactory<InboundDbContext> dbFactory)
{
    /// <summary>Turns given at most: a follow-up leans on the last few exchanges, not on the whole thread.</summary>
    public const int MaxTurns = 10;

    /// <summary>Characters of history at most, about 1,000 tokens: the sources stay the larger part of the prompt.</summary>
    public const int MaxCharacters = 4000;

    /// <summary>The history of a question asked at <paramref name="askedAt"/>, read from the stored thread.</summary>
    public async Task<IReadOnlyList<AiTurn>> LoadAsync(Guid conversationId, DateTime askedAt, AiStepRequest request, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answerIds = request.EarlierAnswerIds.ToList();
        // Newest first, a few more than needed: the question itself and messages after the ask are left out below.
        var recent = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.CreatedAt <= askedAt
                        && ((m.Direction == MessageDirection.Inbound && m.AuthorKind == AuthorKind.Contact) || answerIds.Contains(m.Id)))
            .OrderByDescending(m => m.CreatedAt).Take(MaxTurns + 1).ToListAsync(ct);
        return Select(recent.OrderBy(m => m.CreatedAt), request);
    }

    /// <summary>
    /// The turns before the question, from a thread in order: the newest that fit <paramref name="maxTurns"/> and
    /// <paramref name="maxCharacters"/>, so that the budget drops the oldest first and never leaves a gap.
    /// </summary>
    public static IReadOnlyList<AiTurn> Select(IEnumerable<Message> thread, AiStepRequest request, int maxTurns = MaxTurns, int maxCharacters = MaxCharacters)
    {
        var answerIds = request.EarlierAnswerIds.ToHashSet();
        var turns = thread
            .Where(m => (m.Direction == MessageDirection.Inbound && m.AuthorKind == AuthorKind.Contact) || answerIds.Contains(m.Id))
            .Select(m => new AiTurn(m.Direction == MessageDirection.Inbound, m.Body))
            .ToList();
        // The question is the contact's latest message; it goes to the model as the last user message, not twice.
        if (turns.Count > 0 && turns[^1] is { FromContact: true } last && last.Text.Trim() == request.Question.Trim()) turns.RemoveAt(turns.Count - 1);

        var kept = new List<AiTurn>();
        var characters = 0;
        for (var i = turns.Count - 1; i >= 0 && kept.Count < maxTurns; i--)
        {
            characters += turns[i].Text.Length;
            if (characters > maxCharacters) break;
            kept.Add(turns[i]);
        }
        kept.Reverse();
        return kept;
    }

    /// <summary>
    /// What retrieval searches with: the question, then a little of the latest turns (newest first), so that "and on
    /// Sundays?" still finds the opening hours the previous answer came from.
    /// </summary>
    public static string SearchText(string question, IReadOnlyList<AiTurn> history, int contextCharacters = 300)
    {
        var context = new List<string>();
        var left = contextCharacters;
        for (var i = history.Count - 1; i >= 0 && left > 0; i--)
        {
            var text = history[i].Text.Length > left ? history[i].Text[..left] : history[i].Text;
            context.Add(text);
            left -= text.Length;
        }
        return context.Count == 0 ? question : $"{question}\n{string.Join("\n", context)}";
    }
}
