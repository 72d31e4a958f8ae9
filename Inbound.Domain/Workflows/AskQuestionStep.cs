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

    public override string Summary(WorkflowNames names)
    {
        var parts = new List<string> { $"Ask \"{Shorten(Question)}\"" };
        parts.Add(AnswerType == AnswerType.MultipleChoice ? string.Join(" / ", Options) : AnswerTypeName(AnswerType));
        if (!string.IsNullOrWhiteSpace(SaveToField)) parts.Add($"save to {SaveToField}");
        if (TimeoutMinutes is { } minutes) parts.Add($"timeout {Durations.Describe(minutes)}");
        return string.Join(" · ", parts);
    }

    public override IEnumerable<string> SettingProblems()
    {
        if (string.IsNullOrWhiteSpace(Question)) yield return "Write the question to ask.";
        if (AnswerType == AnswerType.MultipleChoice)
        {
            var options = Options.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim()).ToList();
            if (options.Count < 2) yield return "Give a multiple-choice question at least two options.";
            if (options.Count != options.Distinct(StringComparer.OrdinalIgnoreCase).Count()) yield return "Give each option a different text.";
        }
        foreach (var problem in Workflows.Translations.Problems(Translations)) yield return problem;
        if (MaxRetries is < 0 or > 10) yield return "Set retries for an invalid answer between 0 and 10.";
        if (TimeoutMinutes is <= 0) yield return "Set the answer timeout to at least one minute, or remove it.";
    }

    public static string AnswerTypeName(AnswerType type) => type switch
    {
        AnswerType.FreeText => "free text",
        AnswerType.MultipleChoice => "multiple choice",
        AnswerType.Number => "a number",
        AnswerType.Email => "an email address",
        AnswerType.Phone => "a phone number",
        _ => type.ToString(),
    };
}
