namespace Inbound.Domain.Workflows;

public sealed class UnassignStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.Unassign;
    protected override string KindNameValue => "Unassign";
    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryUnassign, "Remove the assigned agent");
}
