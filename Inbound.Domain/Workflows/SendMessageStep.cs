namespace Inbound.Domain.Workflows;

/// <summary>Sends a message to the contact; the text may use variables such as {{contact.name}} or {{queue.position}}.</summary>
public sealed class SendMessageStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.SendMessage;
    protected override string KindNameValue => "Send message";

    public string Text { get; set; } = "";

    /// <summary>The message in other languages; the contact's language picks one, else <see cref="Text"/> is sent.</summary>
    public List<StepTranslation> Translations { get; set; } = [];

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummarySendMessage, "Send \"{0}\"", Shorten(Text));

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Text)) yield return Phrase.Of(PhraseCode.ProblemMessageMissing, "Write the message to send.");
        foreach (var problem in Workflows.Translations.Problems(Translations)) yield return problem;
    }
}
