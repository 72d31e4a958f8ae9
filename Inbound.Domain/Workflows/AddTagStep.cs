namespace Inbound.Domain.Workflows;

public sealed class AddTagStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.AddTag;
    protected override string KindNameValue => "Add tag";

    public string Tag { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryAddTag, "Add tag \"{0}\"", Shorten(Tag));

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Tag)) yield return Phrase.Of(PhraseCode.ProblemTagMissing, "Write the tag to add.");
    }
}
