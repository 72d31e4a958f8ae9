using Bunit;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;
using Inbound.Web.Workflows.Designer.Settings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Inbound.Tests.Workflows.Designer;

public class SettingsPanelTests : DesignerTestBase
{
    private static readonly DesignerChoices Choices = new(
        [new(WorkflowSamples.Billing, "Billing"), new(WorkflowSamples.Sales, "Sales"), new(WorkflowSamples.Support, "Support")],
        [new(WorkflowSamples.Ana, "Ana"), new(Guid.NewGuid(), "Ben")],
        [new("api", "API"), new("webchat", "Web chat")],
        ["Email", "Plan", "Topic"]);

    private int _changes;
    private IRenderedComponent<MudPopoverProvider>? _popovers;

    [Fact]
    public void Ask_a_question_requires_the_question_and_offers_the_contact_fields_to_save_to()
    {
        var step = new AskQuestionStep { Id = "ask" };
        var panel = RenderPanel<AskQuestionSettings, AskQuestionStep>(step);

        Assert.True(Required(panel, "Question"));
        Assert.Equal(Choices.ContactFields, OptionsOf(panel, "Save the answer to"));

        panel.Find("textarea").Input("Your order number?");
        panel.WaitForAssertion(() => Assert.Equal("Your order number?", step.Question));
        Assert.True(_changes > 0);
    }

    [Fact]
    public void A_multiple_choice_question_asks_for_its_options_and_each_becomes_an_outcome()
    {
        var step = new AskQuestionStep { Id = "ask", Question = "Topic?", AnswerType = AnswerType.MultipleChoice };
        var panel = RenderPanel<AskQuestionSettings, AskQuestionStep>(step);

        Assert.True(Required(panel, "Options, one per line"));
        panel.FindAll("textarea")[1].Change("Sales\nSupport");

        Assert.Equal(["option:Sales", "option:Support", "invalid"], step.Outcomes().Select(o => o.Key));
    }

    [Fact]
    public void Assign_to_requires_a_team_chosen_from_the_teams_and_an_agent_from_the_agents()
    {
        var step = new AssignToStep { Id = "assign" };
        var panel = RenderPanel<AssignToSettings, AssignToStep>(step);

        Assert.True(Required(panel, "Team"));
        Assert.Equal(["Billing", "Sales", "Support"], OptionsOf(panel, "Team"));

        step.Target = AssignTarget.Agent;
        panel.Render();
        Assert.True(Required(panel, "Agent"));
        Assert.Equal(["Ana", "Ben"], OptionsOf(panel, "Agent"));
    }

    [Fact]
    public void Required_skills_typed_in_are_kept_in_one_spelling()
    {
        var step = new AssignToStep { Id = "assign" };
        var panel = RenderPanel<AssignToSettings, AssignToStep>(step);

        panel.Find("input[data-testid=assign-skills]").Change("Thai, refunds , thai");

        Assert.Equal(["refunds", "thai"], step.RequiredSkills);
    }

    [Fact]
    public void The_trigger_requires_a_source_and_offers_the_channels()
    {
        var panel = RenderPanel<ConversationOpenedSettings, ConversationOpenedTrigger>(new ConversationOpenedTrigger { Id = "t", Sources = [ConversationSource.Contact] });

        Assert.True(Required(panel, "Opened by"));
        Assert.Equal(["API", "Web chat"], OptionsOf(panel, "Channels"));
    }

    [Fact]
    public void Update_contact_field_requires_a_field_from_the_contact_fields()
    {
        var panel = RenderPanel<ContactFieldSettings, UpdateContactFieldStep>(new UpdateContactFieldStep { Id = "f" });

        Assert.True(Required(panel, "Contact field"));
        Assert.Equal(Choices.ContactFields, OptionsOf(panel, "Contact field"));
    }

    [Fact]
    public void Send_message_and_comment_require_their_text()
    {
        var message = new SendMessageStep { Id = "m" };
        var panel = RenderPanel<TextSettings, WorkflowNode>(message);
        Assert.True(Required(panel, "Message"));
        panel.Find("textarea").Input("Hello {{contact.name}}");
        panel.WaitForAssertion(() => Assert.Equal("Hello {{contact.name}}", message.Text));

        Assert.True(Required(RenderPanel<TextSettings, WorkflowNode>(new AddCommentStep { Id = "c" }), "Comment (only agents see it)"));
    }

    [Fact]
    public void Tags_waits_and_closing_require_their_settings()
    {
        Assert.True(Required(RenderPanel<TagSettings, WorkflowNode>(new AddTagStep { Id = "t" }), "Tag"));
        Assert.True(Required(RenderPanel<TagSettings, WorkflowNode>(new RemoveTagStep { Id = "r" }), "Tag"));
        Assert.True(Required(RenderPanel<WaitSettings, WaitStep>(new WaitStep { Id = "w" }), "Wait (minutes)"));
        var close = RenderPanel<CloseConversationSettings, CloseConversationStep>(new CloseConversationStep { Id = "c" });
        Assert.True(Required(close, "Closing category"));
        Assert.True(Required(close, "Closing summary"));
    }

    [Fact]
    public void Http_request_requires_a_url_and_offers_the_methods_and_contact_fields()
    {
        var step = new HttpRequestStep { Id = "h", ResponseMappings = [new("plan", "Plan")] };
        var panel = RenderPanel<HttpRequestSettings, HttpRequestStep>(step);

        Assert.True(Required(panel, "URL"));
        Assert.Equal(HttpRequestStep.Methods, OptionsOf(panel, "Method"));
        Assert.Equal(Choices.ContactFields, OptionsOf(panel, "Field"));
    }

    [Fact]
    public void Jump_to_requires_a_step_and_offers_every_step_but_itself_and_the_trigger()
    {
        var definition = WorkflowSamples.EveryStepType();
        var jump = (JumpToStep)definition.FindNode("again")!;
        _popovers = Render<MudPopoverProvider>();
        var panel = Render<JumpToSettings>(p => p
            .Add(x => x.Step, jump).Add(x => x.Choices, Choices).Add(x => x.Nodes, definition.Nodes));

        Assert.True(Required(panel, "Go on at"));
        var offered = OptionsOf(panel, "Go on at");
        Assert.Equal(definition.Nodes.Count - 2, offered.Count);
        Assert.DoesNotContain(offered, o => o.Contains("(trigger)") || o.Contains("(again)"));
    }

    [Fact]
    public void A_wait_for_business_hours_offers_the_workflows_business_hours_steps_instead_of_minutes()
    {
        var definition = WorkflowSamples.Template();
        var wait = (WaitStep)definition.FindNode("wait-open")!;
        _popovers = Render<MudPopoverProvider>();
        var panel = Render<WaitSettings>(p => p
            .Add(x => x.Step, wait).Add(x => x.Choices, Choices).Add(x => x.Nodes, definition.Nodes));

        Assert.Equal(["Business hours (hours)"], OptionsOf(panel, "Business hours"));
        Assert.DoesNotContain(panel.FindAll("label"), l => l.TextContent.Contains("Wait (minutes)"));
    }

    [Fact]
    public void A_branch_rule_added_in_the_panel_becomes_an_outcome_and_tests_a_contact_field()
    {
        var step = new BranchStep { Id = "b" };
        var panel = RenderPanel<BranchSettings, BranchStep>(step);

        panel.FindAll("button").Single(b => b.TextContent.Contains("Add rule")).Click();

        Assert.Equal(["rule:rule-1", "else"], step.Outcomes().Select(o => o.Key));
        Assert.True(Required(panel, "Field"));
        Assert.Equal(Choices.ContactFields, OptionsOf(panel, "Field"));
    }

    [Fact]
    public void Business_hours_opens_and_closes_days_of_the_week()
    {
        var step = new BusinessHoursStep { Id = "h", Schedule = BusinessHoursStep.Weekdays(new(9, 0), new(17, 0)) };
        var panel = RenderPanel<BusinessHoursSettings, BusinessHoursStep>(step);

        Assert.True(Required(panel, "Time zone"));
        panel.FindAll(".mud-chip").Single(c => c.TextContent.Trim() == "Sat").Click();

        Assert.Contains(step.Schedule, s => s.Day == DayOfWeek.Saturday && s.Opens == new TimeOnly(9, 0));
    }

    [Fact]
    public void Business_hours_can_use_a_teams_hours_instead_of_its_own_and_then_asks_for_no_schedule()
    {
        var step = new BusinessHoursStep { Id = "h", Schedule = BusinessHoursStep.Weekdays(new(9, 0), new(17, 0)) };
        var panel = RenderPanel<BusinessHoursSettings, BusinessHoursStep>(step);

        Assert.Equal(["Own hours", "Hours of team Billing", "Hours of team Sales", "Hours of team Support"], OptionsOf(panel, "Use"));
        Field(panel, "Use").QuerySelector(".mud-select-input, .mud-input-slot")!.MouseDown();
        var popovers = _popovers!;
        popovers.WaitForElement(".mud-popover-open");
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "Hours of team Support").Click();

        panel.WaitForAssertion(() => Assert.Equal(WorkflowSamples.Support, step.TeamId));
        panel.Render();
        Assert.DoesNotContain(panel.FindAll(".mud-input-control label"), l => l.TextContent.Contains("Time zone"));
        Assert.Empty(panel.FindAll(".mud-chip"));
        Assert.Contains("Teams page", panel.Markup);
    }

    [Fact]
    public void Ask_for_a_rating_requires_the_question_and_sets_its_window_in_hours_or_minutes()
    {
        var step = new AskForRatingStep { Id = "rate", WindowMinutes = 1440 };
        var panel = RenderPanel<AskForRatingSettings, AskForRatingStep>(step);

        Assert.True(Required(panel, "Rating question"));
        Assert.False(Required(panel, "Comment question"));
        Assert.Equal("24", Field(panel, "Answer window").QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal(["minutes", "hours"], OptionsOf(panel, "Unit"));

        Field(panel, "Answer window").QuerySelector("input")!.Change("2");
        panel.WaitForAssertion(() => Assert.Equal(120, step.WindowMinutes));

        Field(panel, "Unit").QuerySelector(".mud-select-input, .mud-input-slot")!.MouseDown();
        var popovers = _popovers!;
        popovers.WaitForElement(".mud-popover-open");
        popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "minutes").Click();
        panel.WaitForAssertion(() => Assert.Equal(2, step.WindowMinutes));

        panel.FindAll("textarea")[1].Input("");
        panel.WaitForAssertion(() => Assert.False(step.AsksForComment));
        Assert.Equal(["rated", "noAnswer"], step.Outcomes().Select(o => o.Key));
        Assert.True(_changes >= 3);
    }

    [Fact]
    public void Answer_with_ai_requires_instructions_and_sets_its_turns_sources_and_follow_up_wait()
    {
        var step = new AnswerWithAiStep { Id = "answer" };
        var panel = RenderPanel<AnswerWithAiSettings, AnswerWithAiStep>(step);

        Assert.True(Required(panel, "Instructions for the AI"));
        Assert.Equal("3", Field(panel, "Answers before handing over").QuerySelector("input")!.GetAttribute("value"));

        panel.Find("textarea").Input("Answer for Acme Shoes, briefly.");
        Field(panel, "Answers before handing over").QuerySelector("input")!.Change("5");
        Field(panel, "Sources per question").QuerySelector("input")!.Change("2");
        Field(panel, "Wait for a follow-up (minutes)").QuerySelector("input")!.Change("20");

        panel.WaitForAssertion(() => Assert.Equal((5, 2, 20, "Answer for Acme Shoes, briefly."), (step.MaxTurns, step.TopSources, step.FollowUpMinutes, step.Instructions)));
        Assert.Equal(["answered", "handOver", "failure"], step.Outcomes().Select(o => o.Key));
        Assert.True(_changes >= 4);
    }

    [Fact]
    public void Steps_without_settings_say_so()
    {
        var panel = Render<StepSettings>(p => p.Add(x => x.Step, new EndStep { Id = "end" }));

        Assert.Contains("nothing to set", panel.Markup);
    }

    private IRenderedComponent<TPanel> RenderPanel<TPanel, TStep>(TStep step)
        where TPanel : SettingsPanelBase<TStep> where TStep : WorkflowNode
    {
        _popovers ??= Render<MudPopoverProvider>();
        return Render<TPanel>(p => p.Add(x => x.Step, step).Add(x => x.Choices, Choices)
            .Add(x => x.Changed, EventCallback.Factory.Create(this, () => _changes++)));
    }

    /// <summary>Whether the field with this label is marked required, as a screen reader hears it.</summary>
    private static bool Required<T>(IRenderedComponent<T> panel, string label) where T : IComponent =>
        Field(panel, label).QuerySelector("[aria-required='true'], [required]") is not null;

    private static AngleSharp.Dom.IElement Field<T>(IRenderedComponent<T> panel, string label) where T : IComponent =>
        panel.FindAll(".mud-input-control").FirstOrDefault(f => f.QuerySelector("label")?.TextContent.Trim().TrimEnd('*') == label)
        ?? throw new InvalidOperationException($"No field labelled \"{label}\" in {panel.Markup}");

    /// <summary>The choices a select offers once opened.</summary>
    private List<string> OptionsOf<T>(IRenderedComponent<T> panel, string label) where T : IComponent
    {
        Field(panel, label).QuerySelector(".mud-select-input, .mud-input-slot")!.MouseDown();
        var provider = _popovers!;
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll(".mud-popover-open .mud-list-item-text")));
        var items = provider.FindAll(".mud-popover-open .mud-list-item-text").Select(i => i.TextContent.Trim()).ToList();
        provider.FindAll(".mud-overlay").FirstOrDefault()?.Click();
        // The next select opened must not see this one's items.
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-popover-open")));
        return items;
    }
}
