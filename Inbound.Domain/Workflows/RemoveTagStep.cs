namespace Inbound.Domain.Workflows;

public sealed class RemoveTagStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.RemoveTag;
    protected override string KindNameValue => "Remove tag";

    public string Tag { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override string Summary(WorkflowNames names) => $"Remove tag \"{Shorten(Tag)}\"";

    public override IEnumerable<string> SettingProblems()
    {
        if (string.IsNullOrWhiteSpace(Tag)) yield return "Write the tag to remove.";
    }
}
