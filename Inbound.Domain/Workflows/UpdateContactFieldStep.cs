namespace Inbound.Domain.Workflows;

/// <summary>Sets a contact field to a value that may use variables such as {{contact.name}}.</summary>
public sealed class UpdateContactFieldStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.UpdateContactField;
    protected override string KindNameValue => "Update contact field";

    public string Field { get; set; } = "";
    public string Value { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryUpdateContactField, "Set {0} to \"{1}\"", Field.Length == 0 ? "…" : Field, Shorten(Value));

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Field)) yield return Phrase.Of(PhraseCode.ProblemFieldToUpdateMissing, "Choose the contact field to update.");
    }
}
