namespace Inbound.Domain.Workflows;

public sealed class UnassignStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.Unassign;
    protected override string KindNameValue => "Unassign";
    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override string Summary(WorkflowNames names) => "Remove the assigned agent";
}
