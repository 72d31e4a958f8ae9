namespace Inbound.Domain.Workflows.Runs;

/// <summary>Evaluates a branch's rules in order: the first rule whose conditions match (all, or any) wins.</summary>
public static class BranchEvaluator
{
    public static BranchRule? FirstMatch(BranchStep branch, IRunContext context) =>
        branch.Rules.FirstOrDefault(rule => rule.Conditions.Count > 0 && (rule.Match == ConditionMatch.All
            ? rule.Conditions.All(c => Matches(c, context))
            : rule.Conditions.Any(c => Matches(c, context))));

    public static bool Matches(BranchCondition condition, IRunContext context)
    {
        if (condition.Subject == ConditionSubject.Tag)
        {
            var tags = context.Contact.Tags;
            return condition.Operator switch
            {
                ConditionOperator.IsSet => tags.Count > 0,
                ConditionOperator.Contains => tags.Any(t => t.Contains(condition.Value.Trim(), StringComparison.OrdinalIgnoreCase)),
                ConditionOperator.InList => condition.ListValues().Any(context.Contact.HasTag),
                ConditionOperator.NotSet => tags.Count == 0,
                ConditionOperator.NotEquals => !context.Contact.HasTag(condition.Value.Trim()),
                ConditionOperator.MatchesRegex => tags.Any(t => ConditionValues.Matches(t, condition.Value)),
                _ => context.Contact.HasTag(condition.Value.Trim()),
            };
        }

        var actual = condition.Subject switch
        {
            ConditionSubject.ContactField => context.Contact.GetField(condition.Field ?? ""),
            ConditionSubject.Channel => context.ChannelKey,
            ConditionSubject.Source => context.Conversation.Source.ToString(),
            ConditionSubject.LastMessage => context.LastMessageText,
            ConditionSubject.MessageLanguage => context.LastMessageLanguage?.Code,
            _ => null,
        };
        if (condition.Operator == ConditionOperator.IsSet) return !string.IsNullOrWhiteSpace(actual);
        if (condition.Operator == ConditionOperator.NotSet) return string.IsNullOrWhiteSpace(actual);
        // A field that is not there differs from every value.
        if (actual is null) return condition.Operator == ConditionOperator.NotEquals;
        if (condition.Subject == ConditionSubject.MessageLanguage) return MatchesLanguage(condition, context.LastMessageLanguage!);
        return condition.Operator switch
        {
            ConditionOperator.Equals => Same(actual, condition.Value),
            ConditionOperator.NotEquals => !Same(actual, condition.Value),
            ConditionOperator.Contains => actual.Contains(condition.Value.Trim(), StringComparison.OrdinalIgnoreCase),
            ConditionOperator.InList => condition.ListValues().Contains(actual.Trim(), StringComparer.OrdinalIgnoreCase),
            ConditionOperator.GreaterThan => ConditionValues.Compare(actual, condition.Value) > 0,
            ConditionOperator.LessThan => ConditionValues.Compare(actual, condition.Value) < 0,
            ConditionOperator.MatchesRegex => ConditionValues.Matches(actual, condition.Value),
            ConditionOperator.InLastDays => ConditionValues.Date(actual) is { } date && int.TryParse(condition.Value.Trim(), out var days)
                                            && date <= context.Now && date >= context.Now.AddDays(-days),
            _ => false,
        };
    }

    private static bool Same(string actual, string expected) => string.Equals(actual.Trim(), expected.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A language is named by its code ("th") or its English name ("Thai"); either works in a condition.</summary>
    private static bool MatchesLanguage(BranchCondition condition, DetectedLanguage language)
    {
        bool Is(string value) => Same(language.Code, value) || Same(language.Name, value);
        return condition.Operator switch
        {
            ConditionOperator.Equals => Is(condition.Value),
            ConditionOperator.NotEquals => !Is(condition.Value),
            ConditionOperator.InList => condition.ListValues().Any(Is),
            ConditionOperator.Contains => language.Name.Contains(condition.Value.Trim(), StringComparison.OrdinalIgnoreCase),
            ConditionOperator.MatchesRegex => ConditionValues.Matches(language.Code, condition.Value) || ConditionValues.Matches(language.Name, condition.Value),
            _ => false,
        };
    }
}
