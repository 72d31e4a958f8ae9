namespace Inbound.Domain.Workflows;

public sealed class AddTagStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.AddTag;
    protected override string KindNameValue => "Add tag";

    public string Tag { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override string Summary(WorkflowNames names) => $"Add tag \"{Shorten(Tag)}\"";

    public override IEnumerable<string> SettingProblems()
    {
        if (string.IsNullOrWhiteSpace(Tag)) yield return "Write the tag to add.";
    }
}
