namespace Inbound.Domain.Workflows;

/// <summary>Ends the run on purpose: an outcome wired here is "explicitly ending" for validation.</summary>
public sealed class EndStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.End;
    protected override string KindNameValue => "End";
    public override IReadOnlyList<NodeOutcome> Outcomes() => [];
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryEnd, "The run ends here");
}
