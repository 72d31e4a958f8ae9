using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Domain.Workflows;

public class BranchOperatorTests
{
    private static bool Holds(FakeRunContext context, ConditionOperator op, string value, string field = "Field") =>
        BranchEvaluator.Matches(new BranchCondition { Field = field, Operator = op, Value = value }, context);

    private static FakeRunContext WithField(string? value)
    {
        var context = new FakeRunContext();
        if (value is not null) context.Contact.SetField("Field", value);
        return context;
    }

    [Theory]
    [InlineData("gold", ConditionOperator.NotEquals, "silver", true)]
    [InlineData("gold", ConditionOperator.NotEquals, "GOLD", false)]
    [InlineData(null, ConditionOperator.NotEquals, "gold", true)]
    [InlineData(null, ConditionOperator.NotSet, "", true)]
    [InlineData("gold", ConditionOperator.NotSet, "", false)]
    [InlineData("120", ConditionOperator.GreaterThan, "99.5", true)]
    [InlineData("9", ConditionOperator.GreaterThan, "10", false)]
    [InlineData("9", ConditionOperator.LessThan, "10", true)]
    [InlineData("2026-11-20", ConditionOperator.LessThan, "2026-11-21", true)]
    [InlineData("2026-11-20", ConditionOperator.GreaterThan, "2026-11-21", false)]
    [InlineData("abc", ConditionOperator.GreaterThan, "10", false)]
    [InlineData("ORD-12345", ConditionOperator.MatchesRegex, @"^ord-\d{5}$", true)]
    [InlineData("ORD-12", ConditionOperator.MatchesRegex, @"^ord-\d{5}$", false)]
    [InlineData("2026-11-20", ConditionOperator.InLastDays, "7", true)]
    [InlineData("2026-11-01", ConditionOperator.InLastDays, "7", false)]
    [InlineData("2026-12-01", ConditionOperator.InLastDays, "7", false)]
    public void A_contact_field_is_tested_with_the_new_operators(string? actual, ConditionOperator op, string value, bool expected) =>
        Assert.Equal(expected, Holds(WithField(actual), op, value));

    [Theory]
    [InlineData(ConditionOperator.GreaterThan, "soon", "compares numbers or dates")]
    [InlineData(ConditionOperator.InLastDays, "a week", "whole number of days")]
    [InlineData(ConditionOperator.MatchesRegex, "(unclosed", "not a valid regular expression")]
    public void A_value_the_operator_cannot_use_is_refused_before_publishing(ConditionOperator op, string value, string problem)
    {
        var condition = new BranchCondition { Field = "Plan", Operator = op, Value = value };

        Assert.Contains(condition.Problems(), p => p.English.Contains(problem));
    }

    [Fact]
    public void Is_not_set_needs_no_value() =>
        Assert.Empty(new BranchCondition { Field = "Plan", Operator = ConditionOperator.NotSet }.Problems());

    [Fact]
    public void A_language_condition_accepts_the_code_or_the_english_name()
    {
        var context = new FakeRunContext { LastMessageLanguage = new DetectedLanguage("th", "Thai") };
        var byCode = new BranchCondition { Subject = ConditionSubject.MessageLanguage, Value = "th" };
        var byName = new BranchCondition { Subject = ConditionSubject.MessageLanguage, Value = "thai" };
        var other = new BranchCondition { Subject = ConditionSubject.MessageLanguage, Operator = ConditionOperator.InList, Value = "en, es" };

        Assert.True(BranchEvaluator.Matches(byCode, context));
        Assert.True(BranchEvaluator.Matches(byName, context));
        Assert.False(BranchEvaluator.Matches(other, context));
    }
}
