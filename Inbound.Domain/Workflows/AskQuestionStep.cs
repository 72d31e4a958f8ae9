namespace Inbound.Domain.Workflows;

/// <summary>Sends a question, waits for the contact's next message, validates it and saves it to a contact field.</summary>
public sealed class AskQuestionStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.AskQuestion;
    protected override string KindNameValue => "Ask a question";

    public string Question { get; set; } = "";
    public AnswerType AnswerType { get; set; } = AnswerType.FreeText;

    /// <summary>The buttons of a multiple-choice question; each one is an outcome.</summary>
    public List<string> Options { get; set; } = [];

    /// <summary>The contact field the answer is saved to; none keeps it in the run's variables only.</summary>
    public string? SaveToField { get; set; }

    /// <summary>The question (and its options) in other languages; the contact's language picks one, else the defaults are asked.</summary>
    public List<StepTranslation> Translations { get; set; } = [];

    /// <summary>How many more times an invalid answer is asked again before the invalid outcome.</summary>
    public int MaxRetries { get; set; } = 2;

    public string InvalidAnswerMessage { get; set; } = "Sorry, I didn't get that.";

    /// <summary>How long to wait for an answer; none waits until the conversation closes.</summary>
    public int? TimeoutMinutes { get; set; }

    public override IReadOnlyList<NodeOutcome> Outcomes()
    {
        var outcomes = new List<NodeOutcome>();
        if (AnswerType == AnswerType.MultipleChoice)
            outcomes.AddRange(Options.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => new NodeOutcome(Workflows.Outcomes.Option(o), o.Trim())));
        else
            outcomes.Add(new NodeOutcome(Workflows.Outcomes.Answered, "Answered"));
        outcomes.Add(new NodeOutcome(Workflows.Outcomes.Invalid, "Invalid answer"));
        if (TimeoutMinutes is not null) outcomes.Add(new NodeOutcome(Workflows.Outcomes.Timeout, "No answer in time"));
        return outcomes;
    }

    public override Phrase Summarize(WorkflowNames names)
    {
        var parts = new List<object> { Phrase.Of(PhraseCode.SummaryAskQuestion, "Ask \"{0}\"", Shorten(Question)) };
        parts.Add(AnswerType == AnswerType.MultipleChoice ? new PhraseList(" / ", Options) : AnswerTypeName(AnswerType));
        if (!string.IsNullOrWhiteSpace(SaveToField)) parts.Add(Phrase.Of(PhraseCode.SummarySaveTo, "save to {0}", SaveToField));
        if (TimeoutMinutes is { } minutes) parts.Add(Phrase.Of(PhraseCode.SummaryTimeout, "timeout {0}", Durations.Of(minutes)));
        return Phrase.Parts(parts);
    }

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Question)) yield return Phrase.Of(PhraseCode.ProblemQuestionMissing, "Write the question to ask.");
        if (AnswerType == AnswerType.MultipleChoice)
        {
            var options = Options.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList();
            if (options.Count < 2) yield return Phrase.Of(PhraseCode.ProblemTooFewOptions, "Give a multiple-choice question at least two options.");
            if (options.Count != options.Distinct(StringComparer.OrdinalIgnoreCase).Count()) yield return Phrase.Of(PhraseCode.ProblemOptionsRepeated, "Give each option a different text.");
        }
        foreach (var problem in Workflows.Translations.Problems(Translations)) yield return problem;
        if (MaxRetries is < 0 or > 10) yield return Phrase.Of(PhraseCode.ProblemRetriesRange, "Set retries for an invalid answer between 0 and 10.");
        if (TimeoutMinutes is <= 0) yield return Phrase.Of(PhraseCode.ProblemAnswerTimeoutTooShort, "Set the answer timeout to at least one minute, or remove it.");
    }

    /// <summary>What the question expects, as its summary says it: "free text", "a number".</summary>
    public static Phrase AnswerTypeName(AnswerType type) => type switch
    {
        AnswerType.MultipleChoice => Phrase.Of(PhraseCode.AnswerMultipleChoice, "multiple choice"),
        AnswerType.Number => Phrase.Of(PhraseCode.AnswerNumber, "a number"),
        AnswerType.Email => Phrase.Of(PhraseCode.AnswerEmail, "an email address"),
        AnswerType.Phone => Phrase.Of(PhraseCode.AnswerPhone, "a phone number"),
        _ => Phrase.Of(PhraseCode.AnswerFreeText, "free text"),
    };
}
