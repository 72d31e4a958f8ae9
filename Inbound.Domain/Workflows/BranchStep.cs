namespace Inbound.Domain.Workflows;

/// <summary>Ordered rules over the contact and the conversation: the first rule that matches picks the outcome, else "else".</summary>
public sealed class BranchStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.Branch;
    protected override string KindNameValue => "Branch";

    public List<BranchRule> Rules { get; set; } = [];

    public override IReadOnlyList<NodeOutcome> Outcomes() =>
        [.. Rules.Select(r => new NodeOutcome(Workflows.Outcomes.Rule(r.Id), r.Title)), new NodeOutcome(Workflows.Outcomes.Else, "Else")];

    public override string Summary(WorkflowNames names) =>
        Rules.Count == 0 ? "No rules yet" : $"{string.Join(" · ", Rules.Select(r => r.Title))} · else";

    public override IEnumerable<string> SettingProblems()
    {
        if (Rules.Count == 0) yield return "Add at least one rule to branch on.";
        if (Rules.Any(r => string.IsNullOrWhiteSpace(r.Id)) || Rules.Select(r => r.Id).Distinct().Count() != Rules.Count)
            yield return "Each rule needs its own id.";
        foreach (var rule in Rules)
        {
            if (rule.Conditions.Count == 0) yield return $"Add a condition to the rule \"{rule.Title}\".";
            foreach (var problem in rule.Conditions.SelectMany(c => c.Problems()).Distinct())
                yield return $"In the rule \"{rule.Title}\": {problem}";
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

    public string Title => string.IsNullOrWhiteSpace(Label) ? (Conditions.Count > 0 ? Conditions[0].Describe() : "Rule") : Label;
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

    public string Describe()
    {
        var subject = Subject switch
        {
            ConditionSubject.ContactField => string.IsNullOrWhiteSpace(Field) ? "field" : Field!,
            ConditionSubject.Tag => "tags",
            ConditionSubject.Channel => "channel",
            ConditionSubject.Source => "source",
            ConditionSubject.LastMessage => "last message",
            ConditionSubject.MessageLanguage => "message language",
            _ => Subject.ToString(),
        };
        return Operator switch
        {
            ConditionOperator.Equals => $"{subject} = {Value}",
            ConditionOperator.Contains => $"{subject} contains {Value}",
            ConditionOperator.IsSet => $"{subject} is set",
            ConditionOperator.InList => $"{subject} in {Value}",
            ConditionOperator.NotEquals => $"{subject} ≠ {Value}",
            ConditionOperator.NotSet => $"{subject} is not set",
            ConditionOperator.GreaterThan => $"{subject} > {Value}",
            ConditionOperator.LessThan => $"{subject} < {Value}",
            ConditionOperator.MatchesRegex => $"{subject} matches /{Value}/",
            ConditionOperator.InLastDays => $"{subject} in the last {Value} days",
            _ => subject,
        };
    }

    public IEnumerable<string> Problems()
    {
        if (Subject == ConditionSubject.ContactField && string.IsNullOrWhiteSpace(Field)) yield return "choose the contact field to test.";
        if (!TakesNoValue && string.IsNullOrWhiteSpace(Value))
        {
            yield return $"give \"{Describe()}\" a value to compare with.";
            yield break;
        }
        if (Operator is ConditionOperator.GreaterThan or ConditionOperator.LessThan && ConditionValues.Comparable(Value) is null)
            yield return $"\"{Describe()}\" compares numbers or dates (yyyy-MM-dd): give a number or a date.";
        if (Operator == ConditionOperator.InLastDays && !(int.TryParse(Value.Trim(), out var days) && days > 0))
            yield return $"\"{Describe()}\" needs a whole number of days.";
        if (Operator == ConditionOperator.MatchesRegex && !ConditionValues.IsValidPattern(Value))
            yield return $"\"{Value}\" is not a valid regular expression.";
    }

    /// <summary>"Is set" and "is not set" test presence alone.</summary>
    public bool TakesNoValue => Operator is ConditionOperator.IsSet or ConditionOperator.NotSet;
}
