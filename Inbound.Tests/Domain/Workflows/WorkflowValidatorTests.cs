using Inbound.Domain.SeedWork;
using Inbound.Domain.Workflows;

namespace Inbound.Tests.Domain.Workflows;

public class WorkflowValidatorTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static WorkflowDefinition Valid() => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new SendMessageStep { Id = "hello", Text = "Hello {{contact.name}}" })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "hello")
        .Connect("hello", Outcomes.Next, "end");

    private static IReadOnlyList<string> Messages(WorkflowDefinition definition) =>
        WorkflowValidator.Validate(definition).Select(i => i.Message).ToList();

    [Fact]
    public void The_seeded_template_has_no_issues()
    {
        var teams = new Dictionary<string, Guid> { ["Sales"] = Guid.NewGuid(), ["Support"] = Guid.NewGuid(), ["Billing"] = Guid.NewGuid() };
        Assert.Empty(WorkflowValidator.Validate(InboundConversationsTemplate.Create(teams)));
    }

    [Fact]
    public void A_small_wired_workflow_is_valid() => Assert.Empty(Messages(Valid()));

    [Fact]
    public void A_workflow_without_trigger_is_told_to_add_one()
    {
        var definition = Valid();
        definition.Remove("trigger");

        Assert.Contains("Add a trigger: every workflow starts from one trigger.", Messages(definition));
    }

    [Fact]
    public void A_second_trigger_is_pointed_at()
    {
        var definition = Valid().Add(new ManualTrigger { Id = "manual" }).Connect("manual", Outcomes.Next, "hello");

        var issue = Assert.Single(WorkflowValidator.Validate(definition));
        Assert.Equal("manual", issue.NodeId);
        Assert.Equal("A workflow has exactly one trigger: remove this one or the other.", issue.Message);
    }

    [Fact]
    public void An_unreachable_step_is_named()
    {
        var definition = Valid().Add(new AddTagStep { Id = "orphan", Tag = "vip" }).Connect("orphan", Outcomes.Next, "end");

        var issue = Assert.Single(WorkflowValidator.Validate(definition));
        Assert.Equal("orphan", issue.NodeId);
        Assert.Equal("Add tag: nothing leads to this step; connect it, or delete it.", issue.Message);
    }

    [Fact]
    public void A_missing_required_setting_says_what_to_fill()
    {
        var definition = Valid();
        ((SendMessageStep)definition.FindNode("hello")!).Text = " ";

        Assert.Equal(["Send message: Write the message to send."], Messages(definition));
    }

    [Fact]
    public void An_unwired_outcome_says_which_one()
    {
        var definition = Valid()
            .Add(new BusinessHoursStep { Id = "hours", Schedule = BusinessHoursStep.Weekdays(new(9, 0), new(17, 0)) })
            .Connect("trigger", Outcomes.Next, "hours")
            .Connect("hours", Outcomes.Open, "hello");

        var issue = Assert.Single(WorkflowValidator.Validate(definition));
        Assert.Equal("hours", issue.NodeId);
        Assert.Equal("Business hours: connect \"Closed\" to the next step, or to an End step to finish there.", issue.Message);
    }

    [Fact]
    public void A_jump_back_that_no_waiting_step_breaks_is_refused_with_the_path_named()
    {
        var spinning = Valid()
            .Add(new AddTagStep { Id = "tag", Tag = "again" })
            .Add(new JumpToStep { Id = "jump", TargetNodeId = "hello" })
            .Connect("hello", Outcomes.Next, "tag")
            .Connect("tag", Outcomes.Next, "jump");
        spinning.Remove("end");

        var issue = Assert.Single(WorkflowValidator.Validate(spinning));
        Assert.Equal("jump", issue.NodeId);
        Assert.Equal("This Jump To loops without waiting (Send message → Add tag → Jump to → Send message): add a question, a wait or an HTTP request to the loop, or jump elsewhere.", issue.Message);
        Assert.False(WorkflowValidator.CanPublish(spinning));
    }

    [Fact]
    public void A_jump_loop_through_a_question_is_fine()
    {
        var asking = Valid()
            .Add(new AskQuestionStep { Id = "ask", Question = "Anything else?" })
            .Add(new JumpToStep { Id = "jump", TargetNodeId = "hello" })
            .Connect("hello", Outcomes.Next, "ask")
            .Connect("ask", Outcomes.Answered, "jump")
            .Connect("ask", Outcomes.Invalid, "jump");
        asking.Remove("end");

        Assert.DoesNotContain(Messages(asking), m => m.Contains("loops without waiting"));
    }

    [Fact]
    public void A_loop_of_links_is_refused_but_a_jump_back_is_fine()
    {
        var looping = Valid()
            .Add(new AddTagStep { Id = "tag", Tag = "again" })
            .Connect("hello", Outcomes.Next, "tag")
            .Connect("tag", Outcomes.Next, "hello");
        looping.Remove("end");
        var jumping = Valid()
            .Add(new WaitStep { Id = "wait", Minutes = 10 })
            .Add(new JumpToStep { Id = "jump", TargetNodeId = "hello" })
            .Connect("hello", Outcomes.Next, "wait")
            .Connect("wait", Outcomes.Next, "jump");
        jumping.Remove("end");

        Assert.Equal(["These steps form a loop (Send message → Add tag → Send message); to go back on purpose, use a Jump To step."], Messages(looping));
        Assert.Empty(Messages(jumping));
    }

    [Fact]
    public void A_jump_to_a_deleted_step_is_reported()
    {
        var definition = Valid().Add(new JumpToStep { Id = "jump", TargetNodeId = "gone" }).Connect("hello", Outcomes.Next, "jump");

        Assert.Contains("Jump to: the step to jump to no longer exists; choose another.", Messages(definition));
    }

    [Fact]
    public void A_link_from_a_removed_option_is_reported()
    {
        var definition = Valid()
            .Add(new AskQuestionStep { Id = "ask", Question = "Which?", AnswerType = AnswerType.MultipleChoice, Options = ["A", "B"] })
            .Connect("trigger", Outcomes.Next, "ask")
            .Connect("ask", Outcomes.Option("A"), "hello")
            .Connect("ask", Outcomes.Option("B"), "hello")
            .Connect("ask", Outcomes.Option("C"), "hello")
            .Connect("ask", Outcomes.Invalid, "end");

        Assert.Equal(["Ask a question: a link leaves from \"C\", which this step no longer has; remove or reconnect it."], Messages(definition));
    }

    [Fact]
    public void Assign_to_a_team_needs_the_team()
    {
        Assert.Equal(["Choose the team to assign to."], new AssignToStep { Target = AssignTarget.Team }.SettingProblems());
        Assert.Equal(["Choose the agent to assign to."], new AssignToStep { Target = AssignTarget.Agent }.SettingProblems());
    }

    [Fact]
    public void Publishing_is_refused_while_errors_remain_and_numbers_versions()
    {
        var workflow = new Workflow("Greeting", Valid(), Now);
        var broken = Valid();
        broken.Remove("end");
        workflow.SaveDraft(broken, Now);

        var refused = Assert.Throws<DomainException>(() => workflow.Publish(Now));
        Assert.StartsWith("Fix 1 problem before publishing: Send message: connect \"Then\"", refused.Message);
        Assert.Equal(WorkflowStatus.Draft, workflow.Status);

        workflow.SaveDraft(Valid(), Now);
        var first = workflow.Publish(Now);
        var second = workflow.Publish(Now.AddMinutes(1));

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.Equal(second, workflow.ActiveVersion);
        Assert.False(workflow.HasUnpublishedChanges);
    }

    [Fact]
    public void Editing_the_draft_never_changes_a_published_version()
    {
        var workflow = new Workflow("Greeting", Valid(), Now);
        var version = workflow.Publish(Now);

        ((SendMessageStep)workflow.Draft.FindNode("hello")!).Text = "Changed";

        Assert.Equal("Hello {{contact.name}}", ((SendMessageStep)version.Definition.FindNode("hello")!).Text);
        Assert.True(workflow.HasUnpublishedChanges);
    }

    [Fact]
    public void A_disabled_workflow_starts_no_runs_until_published_again()
    {
        var workflow = new Workflow("Greeting", Valid(), Now);
        workflow.Publish(Now);

        workflow.Disable(Now);
        Assert.Null(workflow.ActiveVersion);

        workflow.Publish(Now);
        Assert.Equal(2, workflow.ActiveVersion!.Number);
    }
}
