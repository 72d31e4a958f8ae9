namespace Inbound.Domain.Workflows;

/// <summary>
/// Asks the contact to rate the closed conversation 1–5 (as buttons), then optionally for a comment, and waits at most
/// the window for the answers. It runs on a run started by the Conversation closed trigger: the conversation stays
/// closed and the answers are stored on it.
/// </summary>
public sealed class AskForRatingStep : StepNode
{
    public const string DefaultQuestion = "How did we do? Tap 1 (poor) to 5 (great).";
    public const string DefaultCommentQuestion = "Thanks! Anything you'd like to add? Just write it here.";

    protected override NodeKind KindValue => NodeKind.AskForRating;
    protected override string KindNameValue => "Ask for a rating";

    public string Question { get; set; } = DefaultQuestion;

    /// <summary>Asked after the rating; empty asks for no comment.</summary>
    public string? CommentQuestion { get; set; } = DefaultCommentQuestion;

    /// <summary>How long the contact's messages answer the question; after it they open a new conversation.</summary>
    public int WindowMinutes { get; set; } = 1440;

    public bool AsksForComment => !string.IsNullOrWhiteSpace(CommentQuestion);

    public override IReadOnlyList<NodeOutcome> Outcomes() =>
        [new(Workflows.Outcomes.Rated, "Rated"), new(Workflows.Outcomes.NoAnswer, "No answer in time")];

    public override Phrase Summarize(WorkflowNames names) => Phrase.Parts(AsksForComment
        ? [Phrase.Of(PhraseCode.SummaryAskForRating, "Ask to rate 1–5 \"{0}\"", Shorten(Question)), Phrase.Of(PhraseCode.SummaryThenComment, "then a comment"), Within()]
        : [Phrase.Of(PhraseCode.SummaryAskForRating, "Ask to rate 1–5 \"{0}\"", Shorten(Question)), Within()]);

    private Phrase Within() => Phrase.Of(PhraseCode.SummaryWithin, "within {0}", Durations.Of(WindowMinutes));

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Question)) yield return Phrase.Of(PhraseCode.ProblemRatingQuestionMissing, "Write the rating question.");
        if (WindowMinutes < 1) yield return Phrase.Of(PhraseCode.ProblemRatingWindowTooShort, "Give the contact at least one minute to answer.");
    }
}
