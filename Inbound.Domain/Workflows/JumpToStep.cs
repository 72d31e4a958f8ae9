namespace Inbound.Domain.Workflows;

/// <summary>Goes on at another node; the only way a run may loop back.</summary>
public sealed class JumpToStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.JumpTo;
    protected override string KindNameValue => "Jump to";

    public string TargetNodeId { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => [];
    public override string Summary(WorkflowNames names) => TargetNodeId.Length == 0 ? "Jump to…" : $"Jump to {TargetNodeId}";

    public override IEnumerable<string> SettingProblems()
    {
        if (string.IsNullOrWhiteSpace(TargetNodeId)) yield return "Choose the step to jump to.";
    }
}
