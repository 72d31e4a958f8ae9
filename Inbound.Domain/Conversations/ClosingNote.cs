using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Conversations;

/// <summary>What an agent records when closing: a category from the closing list and a short summary.</summary>
public sealed record ClosingNote
{
    public const int MaxSummaryLength = 2000;

    /// <param name="aiWritten">The summary is the model's draft, saved as the model wrote it (the agent changed nothing).</param>
    public ClosingNote(string category, string summary, bool aiWritten = false)
    {
        if (string.IsNullOrWhiteSpace(category)) throw new DomainException("A closing note needs a category.");
        if (string.IsNullOrWhiteSpace(summary)) throw new DomainException("A closing note needs a summary.");
        if (summary.Length > MaxSummaryLength) throw new DomainException($"A closing summary has at most {MaxSummaryLength} characters.");
        Category = category.Trim();
        Summary = summary.Trim();
        AiWritten = aiWritten;
    }

    public string Category { get; }
    public string Summary { get; }

    /// <summary>Kept so reports can tell how often agents take the model's summary as it is.</summary>
    public bool AiWritten { get; }
}
