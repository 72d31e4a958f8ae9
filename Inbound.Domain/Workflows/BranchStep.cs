namespace Inbound.Domain.Workflows;

/// <summary>Ordered rules over the contact and the conversation: the first rule that matches picks the outcome, else "else".</summary>
public sealed class BranchStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.Branch;
    protected override string KindNameValue => "Branch";

    public List<BranchRule> Rules { get; set; } = [];

    public override IReadOnlyList<NodeOutcome> Outcomes() =>
        [.. Rules.Select(r => new NodeOutcome(Workflows.Outcomes.Rule(r.Id), r.Title)), new NodeOutcome(Workflows.Outcomes.Else, "Else")];

    public override Phrase Summarize(WorkflowNames names) => Rules.Count == 0
        ? Phrase.Of(PhraseCode.SummaryNoRules, "No rules yet")
        : Phrase.Parts([.. Rules.Select(r => r.TitleText), Phrase.Of(PhraseCode.SummaryElse, "else")]);

    public override IEnumerable<Phrase> Problems()
    {
        if (Rules.Count == 0) yield return Phrase.Of(PhraseCode.ProblemNoRules, "Add at least one rule to branch on.");
        if (Rules.Any(r => string.IsNullOrWhiteSpace(r.Id)) || Rules.Select(r => r.Id).Distinct().Count() != Rules.Count)
            yield return Phrase.Of(PhraseCode.ProblemRuleIds, "Each rule needs its own id.");
        foreach (var rule in Rules)
        {
            if (rule.Conditions.Count == 0) yield return Phrase.Of(PhraseCode.ProblemRuleWithoutCondition, "Add a condition to the rule \"{0}\".", rule.TitleText);
            foreach (var problem in rule.Conditions.SelectMany(c => c.Problems()).Distinct())
                yield return Phrase.Of(PhraseCode.ProblemInRule, "In the rule \"{0}\": {1}", rule.TitleText, problem);
        }
    }
}

public sealed class BranchRule
{
    public string Id { get; set; } = "";
    public string Label { get; set; } = "";

    /// <summary>All conditions must match (AND), or any one of them (OR).</summary>
    public ConditionMatch Match { get; set; } = ConditionMatch.All;

    public List<BranchCondition> Conditions { get; set; } = [];

    public string Title => TitleText.ToString()!;

    /// <summary>The label the admin gave it, else what its first condition tests, for a screen to say in its reader's language.</summary>
    public object TitleText => string.IsNullOrWhiteSpace(Label)
        ? Conditions.Count > 0 ? Conditions[0].Description() : Phrase.Of(PhraseCode.RuleUntitled, "Rule")
        : Label;
}

public enum ConditionMatch
{
    All,
    Any,
}

public enum ConditionSubject
{
    ContactField,
    Tag,
    Channel,
    Source,
    LastMessage,

    /// <summary>The language detected in the contact's latest message, as an ISO 639-1 code ("th") or its English name.</summary>
    MessageLanguage,
}

public enum ConditionOperator
{
    Equals,
    Contains,
    IsSet,
    InList,
    NotEquals,
    NotSet,

    /// <summary>Numbers compare as numbers, dates (yyyy-MM-dd, ISO 8601) as dates.</summary>
    GreaterThan,
    LessThan,
    MatchesRegex,

    /// <summary>A date within the last N days (the value is N).</summary>
    InLastDays,
}

/// <summary>One test: a contact field, the tags, the channel key, the source or the last message text against a value.</summary>
public sealed class BranchCondition
{
    public ConditionSubject Subject { get; set; } = ConditionSubject.ContactField;

    /// <summary>The contact field's name, for <see cref="ConditionSubject.ContactField"/>.</summary>
    public string? Field { get; set; }

    public ConditionOperator Operator { get; set; } = ConditionOperator.Equals;

    /// <summary>The value to compare with; for "in list", values separated by commas.</summary>
    public string Value { get; set; } = "";

    public IReadOnlyList<string> ListValues() =>
        Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string Describe() => Description().English;

    /// <summary>The test in words, e.g. "Topic = Sales" or "tags contains vip".</summary>
    public Phrase Description()
    {
        object subject = Subject switch
        {
            ConditionSubject.ContactField when !string.IsNullOrWhiteSpace(Field) => Field!,
            ConditionSubject.ContactField => Phrase.Of(PhraseCode.SubjectField, "field"),
            ConditionSubject.Tag => Phrase.Of(PhraseCode.SubjectTags, "tags"),
            ConditionSubject.Channel => Phrase.Of(PhraseCode.SubjectChannel, "channel"),
            ConditionSubject.Source => Phrase.Of(PhraseCode.SubjectSource, "source"),
            ConditionSubject.LastMessage => Phrase.Of(PhraseCode.SubjectLastMessage, "last message"),
            _ => Phrase.Of(PhraseCode.SubjectMessageLanguage, "message language"),
        };
        return Operator switch
        {
            ConditionOperator.Contains => Phrase.Of(PhraseCode.ConditionContains, "{0} contains {1}", subject, Value),
            ConditionOperator.IsSet => Phrase.Of(PhraseCode.ConditionIsSet, "{0} is set", subject),
            ConditionOperator.InList => Phrase.Of(PhraseCode.ConditionInList, "{0} in {1}", subject, Value),
            ConditionOperator.NotEquals => Phrase.Of(PhraseCode.ConditionNotEquals, "{0} ≠ {1}", subject, Value),
            ConditionOperator.NotSet => Phrase.Of(PhraseCode.ConditionNotSet, "{0} is not set", subject),
            ConditionOperator.GreaterThan => Phrase.Of(PhraseCode.ConditionGreaterThan, "{0} > {1}", subject, Value),
            ConditionOperator.LessThan => Phrase.Of(PhraseCode.ConditionLessThan, "{0} < {1}", subject, Value),
            ConditionOperator.MatchesRegex => Phrase.Of(PhraseCode.ConditionMatches, "{0} matches /{1}/", subject, Value),
            ConditionOperator.InLastDays => Phrase.Of(PhraseCode.ConditionInLastDays, "{0} in the last {1} days", subject, Value),
            _ => Phrase.Of(PhraseCode.ConditionEquals, "{0} = {1}", subject, Value),
        };
    }

    public IEnumerable<Phrase> Problems()
    {
        if (Subject == ConditionSubject.ContactField && string.IsNullOrWhiteSpace(Field))
            yield return Phrase.Of(PhraseCode.ProblemConditionField, "choose the contact field to test.");
        if (!TakesNoValue && string.IsNullOrWhiteSpace(Value))
        {
            yield return Phrase.Of(PhraseCode.ProblemConditionValue, "give \"{0}\" a value to compare with.", Description());
            yield break;
        }
        if (Operator is ConditionOperator.GreaterThan or ConditionOperator.LessThan && ConditionValues.Comparable(Value) is null)
            yield return Phrase.Of(PhraseCode.ProblemConditionComparable, "\"{0}\" compares numbers or dates (yyyy-MM-dd): give a number or a date.", Description());
        if (Operator == ConditionOperator.InLastDays && !(int.TryParse(Value.Trim(), out var days) && days > 0))
            yield return Phrase.Of(PhraseCode.ProblemConditionDays, "\"{0}\" needs a whole number of days.", Description());
        if (Operator == ConditionOperator.MatchesRegex && !ConditionValues.IsValidPattern(Value))
            yield return Phrase.Of(PhraseCode.ProblemConditionRegex, "\"{0}\" is not a valid regular expression.", Value);
    }

    /// <summary>"Is set" and "is not set" test presence alone.</summary>
    public bool TakesNoValue => Operator is ConditionOperator.IsSet or ConditionOperator.NotSet;
}
