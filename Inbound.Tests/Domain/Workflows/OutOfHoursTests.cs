using Inbound.Domain.Contacts;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Domain.Workflows;

/// <summary>Business hours' next opening, waiting for it, and the words the closed path greets a contact with.</summary>
public class OutOfHoursTests
{
    private static readonly BusinessHoursStep Berlin = new()
    {
        Id = "hours", TimeZone = "Europe/Berlin", Schedule = BusinessHoursStep.Weekdays(new(8, 0), new(18, 0)), Holidays = [new DateOnly(2026, 12, 25)],
    };

    private static DateTime Utc(string value) => DateTime.Parse(value, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

    [Theory]
    [InlineData("2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z", "today at 11:00")]      // open now (Wednesday 11:00 in Berlin)
    [InlineData("2026-11-25T05:00:00Z", "2026-11-25T07:00:00Z", "today at 08:00")]      // Wednesday 06:00
    [InlineData("2026-11-25T20:00:00Z", "2026-11-26T07:00:00Z", "tomorrow at 08:00")]   // Wednesday 21:00
    [InlineData("2026-11-28T02:00:00Z", "2026-11-30T07:00:00Z", "on Monday at 08:00")]  // Saturday 03:00
    [InlineData("2026-12-24T18:00:00Z", "2026-12-28T07:00:00Z", "on Monday at 08:00")]  // Christmas Eve evening: past the holiday and the weekend
    [InlineData("2026-03-27T18:00:00Z", "2026-03-30T06:00:00Z", "on Monday at 08:00")]  // Friday before the clocks go forward: 08:00 CEST is 06:00 UTC
    public void The_next_opening_is_found_in_the_time_zone_past_weekends_and_holidays(string now, string opens, string words)
    {
        Assert.Equal(Utc(opens), Berlin.NextOpening(Utc(now)));
        Assert.Equal(words, Berlin.DescribeNextOpening(Utc(now)));
    }

    [Fact]
    public void A_schedule_without_hours_never_opens()
    {
        Assert.Null(new BusinessHoursStep { TimeZone = "Europe/Berlin" }.NextOpening(Utc("2026-11-25T10:00:00Z")));
    }

    private static WorkflowInterpreter ClosedPath() => new(new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(Berlin)
        .Add(new SendMessageStep { Id = "closed", Text = "Hi {{contact.name}}, we open {{hours.opens}}." })
        .Add(new WaitStep { Id = "wait", UntilOpenOf = "hours" })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "hours")
        .Connect("hours", Outcomes.Open, "end")
        .Connect("hours", Outcomes.Closed, "closed")
        .Connect("closed", Outcomes.Next, "wait")
        .Connect("wait", Outcomes.Next, "end"));

    private static WorkflowRun NewRun(FakeRunContext context) => new(Guid.NewGuid(), "Test", Guid.NewGuid(), 1, context.Conversation.Id, context.Contact.Id,
        context.Conversation.FirstMessageId, "trigger", context.Now);

    [Fact]
    public async Task Out_of_hours_the_contact_is_told_when_it_opens_and_the_run_waits_until_then()
    {
        var context = new FakeRunContext(now: Utc("2026-11-28T02:00:00Z"));
        var interpreter = ClosedPath();
        var run = NewRun(context);

        await interpreter.StartAsync(run, context);

        Assert.Equal("Hi Maria Lopez, we open on Monday at 08:00.", context.SentTexts.Single());
        Assert.Equal((RunStatus.Waiting, RunWait.Timer, Utc("2026-11-30T07:00:00Z")), (run.Status, run.WaitingFor, run.WakeAt));

        context.Now = Utc("2026-11-30T07:00:00Z");
        await interpreter.ResumeOnTimerAsync(run, context);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Single(context.SentTexts);
    }

    [Fact]
    public async Task Waiting_for_opening_during_opening_hours_goes_straight_on()
    {
        var context = new FakeRunContext(now: Utc("2026-11-25T10:00:00Z"));
        var interpreter = new WorkflowInterpreter(new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" }).Add(Berlin).Add(new WaitStep { Id = "wait", UntilOpenOf = "hours" }).Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "wait").Connect("wait", Outcomes.Next, "end")
            .Connect("hours", Outcomes.Open, "end").Connect("hours", Outcomes.Closed, "end"));
        var run = NewRun(context);

        await interpreter.StartAsync(run, context);

        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public void A_wait_for_business_hours_that_are_not_there_is_a_problem_before_publishing()
    {
        var definition = new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" }).Add(new WaitStep { Id = "wait", UntilOpenOf = "gone" }).Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "wait").Connect("wait", Outcomes.Next, "end");

        Assert.Contains(WorkflowValidator.Validate(definition), i => i.NodeId == "wait" && i.Message.Contains("business hours to wait for"));
    }

    [Fact]
    public void A_contact_who_gave_no_name_is_greeted_with_the_fallback_word_not_their_stand_in_name()
    {
        var context = new FakeRunContext();
        var visitor = Contact.FromChannel(Guid.NewGuid(), "visitor-7b6db57f", null, null, null, context.Now, standInName: "Visitor 4821");
        var run = NewRun(context);

        Assert.Equal("Visitor 4821", visitor.Name);
        Assert.True(visitor.IsAnonymous);
        Assert.Equal("Hi there!", RunVariables.Render("Hi {{contact.name}}!", run, new FakeRunContext(contact: visitor)));

        visitor.UpdateProfile("Vera", null, null);
        Assert.Equal("Hi Vera!", RunVariables.Render("Hi {{contact.name}}!", run, new FakeRunContext(contact: visitor)));
    }

    [Theory]
    [InlineData("Hi {{contact.name | friend}}!", "Hi friend!")]
    [InlineData("About {{ contact.fields.Topic|your question }}.", "About your question.")]
    [InlineData("About {{contact.fields.Known | your question}}.", "About Sales.")]
    [InlineData("Plain {{contact.fields.Missing}}text", "Plain text")]
    public void A_placeholder_falls_back_to_its_own_word_when_it_has_no_value(string template, string expected)
    {
        var values = new Dictionary<string, string?> { ["contact.name"] = "", ["contact.fields.Known"] = "Sales" };

        Assert.Equal(expected, TemplateRenderer.Render(template, name => values.GetValueOrDefault(name)));
    }

    [Fact]
    public void A_placeholder_with_a_fallback_is_still_one_placeholder_for_the_designer()
    {
        Assert.Equal(["Hi ", "contact.name", "!"], TemplateRenderer.Parts("Hi {{contact.name | there}}!").Select(p => p.Text));
    }
}
