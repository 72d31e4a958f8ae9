namespace Inbound.Domain.Workflows;

/// <summary>Adds an internal comment to the conversation: agents see it, the contact never does.</summary>
public sealed class AddCommentStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.AddComment;
    protected override string KindNameValue => "Add internal comment";

    public string Text { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryAddComment, "Comment \"{0}\"", Shorten(Text));

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Text)) yield return Phrase.Of(PhraseCode.ProblemCommentMissing, "Write the comment to add.");
    }
}
