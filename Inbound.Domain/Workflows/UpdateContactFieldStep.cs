namespace Inbound.Domain.Workflows;

/// <summary>Sets a contact field to a value that may use variables such as {{contact.name}}.</summary>
public sealed class UpdateContactFieldStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.UpdateContactField;
    protected override string KindNameValue => "Update contact field";

    public string Field { get; set; } = "";
    public string Value { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override string Summary(WorkflowNames names) => $"Set {(Field.Length == 0 ? "…" : Field)} to \"{Shorten(Value)}\"";

    public override IEnumerable<string> SettingProblems()
    {
        if (string.IsNullOrWhiteSpace(Field)) yield return "Choose the contact field to update.";
    }
}
