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
                _ => context.Contact.HasTag(condition.Value.Trim()),
            };
        }

        var actual = condition.Subject switch
        {
            ConditionSubject.ContactField => context.Contact.GetField(condition.Field ?? ""),
            ConditionSubject.Channel => context.ChannelKey,
            ConditionSubject.Source => context.Conversation.Source.ToString(),
            ConditionSubject.LastMessage => context.LastMessageText,
            _ => null,
        };
        if (condition.Operator == ConditionOperator.IsSet) return !string.IsNullOrWhiteSpace(actual);
        if (actual is null) return false;
        return condition.Operator switch
        {
            ConditionOperator.Equals => string.Equals(actual.Trim(), condition.Value.Trim(), StringComparison.OrdinalIgnoreCase),
            ConditionOperator.Contains => actual.Contains(condition.Value.Trim(), StringComparison.OrdinalIgnoreCase),
            ConditionOperator.InList => condition.ListValues().Contains(actual.Trim(), StringComparer.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
