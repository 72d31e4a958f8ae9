namespace Inbound.Domain.Workflows;

/// <summary>Closes the conversation with a closing note, as an agent would.</summary>
public sealed class CloseConversationStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.CloseConversation;
    protected override string KindNameValue => "Close conversation";

    public string Category { get; set; } = "Resolved by workflow";
    /// <summary>The closing summary; may use variables.</summary>
    public string Note { get; set; } = "Closed by the workflow.";

    public override IReadOnlyList<NodeOutcome> Outcomes() => [];
    public override string Summary(WorkflowNames names) => $"Close as \"{Shorten(Category)}\"";

    public override IEnumerable<string> SettingProblems()
    {
        if (string.IsNullOrWhiteSpace(Category)) yield return "Choose the closing category.";
        if (string.IsNullOrWhiteSpace(Note)) yield return "Write the closing summary.";
    }
}
