namespace Inbound.Domain.Workflows;

/// <summary>A way a node can finish: the key edges refer to and the label the designer shows on its port.</summary>
public sealed record NodeOutcome(string Key, string Label)
{
    // Issues carry the outcome itself so a screen can translate a fixed one; their English text wants the label.
    public override string ToString() => Label;
}

/// <summary>The outcome keys that edges use. Multiple-choice and branch outcomes carry the option or rule after a prefix.</summary>
public static class Outcomes
{
    public const string Next = "next";
    public const string Answered = "answered";
    public const string Invalid = "invalid";
    public const string Timeout = "timeout";
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Else = "else";
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Assigned = "assigned";
    public const string NobodyAvailable = "nobodyAvailable";
    public const string Rated = "rated";
    public const string NoAnswer = "noAnswer";
    public const string HandOver = "handOver";
    public const string Unsure = "unsure";

    public const string OptionPrefix = "option:";
    public const string RulePrefix = "rule:";
    public const string LabelPrefix = "label:";

    public static string Option(string option) => OptionPrefix + option.Trim();
    public static string Rule(string ruleId) => RulePrefix + ruleId;
    public static string Label(string label) => LabelPrefix + label.Trim();

    /// <summary>
    /// An outcome as its step's card names it, so that a run's end reason and the card read alike in any language: a
    /// fixed one by its code, a rule by its title, an option or label as the admin typed it.
    /// </summary>
    public static object Said(WorkflowNode node, NodeOutcome outcome) => outcome.Key switch
    {
        NobodyAvailable when node is AssignToStep { QueueWhenNobodyAvailable: true } => new Phrase(PhraseCode.OutcomeQueued, [], "Queued, nobody available"),
        var key when node is BranchStep branch && branch.Rules.FirstOrDefault(r => Rule(r.Id) == key) is { } rule => rule.TitleText,
        var key when key.Length > 0 && !key.Contains(':') && Enum.TryParse<PhraseCode>($"Outcome{char.ToUpperInvariant(key[0])}{key[1..]}", out var code) =>
            new Phrase(code, [], outcome.Label),
        _ => outcome.Label,
    };
}
