namespace Inbound.Domain.Workflows;

/// <summary>Closes the conversation with a closing note, as an agent would.</summary>
public sealed class CloseConversationStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.CloseConversation;
    protected override string KindNameValue => "Close conversation";

    public string Category { get; set; } = "Resolved by workflow";
    /// <summary>The closing summary; may use variables.</summary>
    public string Note { get; set; } = "Closed by the workflow.";

    public override IReadOnlyList<NodeOutcome> Outcomes() => [];
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryCloseConversation, "Close as \"{0}\"", Shorten(Category));

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Category)) yield return Phrase.Of(PhraseCode.ProblemClosingCategoryMissing, "Choose the closing category.");
        if (string.IsNullOrWhiteSpace(Note)) yield return Phrase.Of(PhraseCode.ProblemClosingSummaryMissing, "Write the closing summary.");
    }
}
