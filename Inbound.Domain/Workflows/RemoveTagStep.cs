namespace Inbound.Domain.Workflows;

public sealed class RemoveTagStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.RemoveTag;
    protected override string KindNameValue => "Remove tag";

    public string Tag { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryRemoveTag, "Remove tag \"{0}\"", Shorten(Tag));

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Tag)) yield return Phrase.Of(PhraseCode.ProblemTagToRemoveMissing, "Write the tag to remove.");
    }
}
