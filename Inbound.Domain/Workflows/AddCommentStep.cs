namespace Inbound.Domain.Workflows;

/// <summary>Adds an internal comment to the conversation: agents see it, the contact never does.</summary>
public sealed class AddCommentStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.AddComment;
    protected override string KindNameValue => "Add internal comment";

    public string Text { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override string Summary(WorkflowNames names) => $"Comment \"{Shorten(Text)}\"";

    public override IEnumerable<string> SettingProblems()
    {
        if (string.IsNullOrWhiteSpace(Text)) yield return "Write the comment to add.";
    }
}
