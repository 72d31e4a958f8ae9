using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Domain.Workflows;

/// <summary>Each step's outcomes, through the interpreter: a trigger, the step under test, and an End on every outcome.</summary>
public class StepOutcomeTests
{
    private readonly FakeRunContext _context = new();

    /// <summary>trigger → step, with every outcome of the step wired to its own End node named after the outcome.</summary>
    private static WorkflowInterpreter Around(StepNode step, params StepNode[] more)
    {
        step.Id = "step";
        var definition = new WorkflowDefinition().Add(new ConversationOpenedTrigger { Id = "trigger" }).Add(step).Connect("trigger", Outcomes.Next, "step");
        foreach (var outcome in step.Outcomes())
            definition.Add(new EndStep { Id = "end:" + outcome.Key }).Connect("step", outcome.Key, "end:" + outcome.Key);
        foreach (var node in more) definition.Add(node);
        return new WorkflowInterpreter(definition);
    }

    private WorkflowRun NewRun() => new(Guid.NewGuid(), "Test", Guid.NewGuid(), 1, _context.Conversation.Id, _context.Contact.Id,
        _context.Conversation.FirstMessageId, "trigger", _context.Now);

    private static string? Outcome(WorkflowRun run) => run.Log.LastOrDefault(e => e.NodeId == "step" && e.Outcome is not null)?.Outcome;

    private async Task<WorkflowRun> RunAsync(StepNode step)
    {
        var run = NewRun();
        var interpreter = Around(step);
        await interpreter.StartAsync(run, _context);
        if (run.WaitingFor == RunWait.Http) await interpreter.ResumeWithHttpAsync(run, _context, _context.HttpResponse);
        return run;
    }

    [Fact]
    public async Task A_question_is_sent_and_the_run_waits_for_the_reply()
    {
        var run = await RunAsync(new AskQuestionStep { Question = "Your email, {{contact.name}}?", AnswerType = AnswerType.Email, TimeoutMinutes = 10 });

        Assert.Equal("Your email, Maria Lopez?", Assert.Single(_context.SentTexts));
        Assert.Equal((RunStatus.Waiting, RunWait.Reply), (run.Status, run.WaitingFor));
        Assert.Equal(_context.Now.AddMinutes(10), run.WakeAt);
    }

    [Fact]
    public async Task A_valid_answer_is_saved_to_the_contact_field_and_takes_answered()
    {
        var ask = new AskQuestionStep { Question = "Email?", AnswerType = AnswerType.Email, SaveToField = "WorkEmail" };
        var interpreter = Around(ask);
        var run = NewRun();
        await interpreter.StartAsync(run, _context);

        await interpreter.ResumeWithReplyAsync(run, _context, _context.ContactSays(" maria@acme.io "));

        Assert.Equal(Outcomes.Answered, Outcome(run));
        Assert.Equal("maria@acme.io", _context.Contact.GetField("WorkEmail"));
        Assert.Equal("maria@acme.io", run.Variables["answer"]);
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_multiple_choice_answer_takes_the_outcome_of_its_option_by_text_or_number()
    {
        var ask = new AskQuestionStep { Question = "Topic?", AnswerType = AnswerType.MultipleChoice, Options = ["Sales", "Support", "Billing"] };
        var interpreter = Around(ask);
        var byText = NewRun();
        var byNumber = NewRun();
        await interpreter.StartAsync(byText, _context);
        await interpreter.StartAsync(byNumber, _context);

        await interpreter.ResumeWithReplyAsync(byText, _context, _context.ContactSays("support"));
        await interpreter.ResumeWithReplyAsync(byNumber, _context, _context.ContactSays("3"));

        Assert.Equal(Outcomes.Option("Support"), Outcome(byText));
        Assert.Equal(Outcomes.Option("Billing"), Outcome(byNumber));
    }

    [Fact]
    public async Task A_multiple_choice_question_offers_its_options_to_tap_and_offers_them_again_after_an_invalid_answer()
    {
        var ask = new AskQuestionStep
        {
            Question = "Topic?", AnswerType = AnswerType.MultipleChoice, Options = ["Sales", " Support ", "Billing"], InvalidAnswerMessage = "Please pick one.",
        };
        var interpreter = Around(ask);
        var run = NewRun();
        await interpreter.StartAsync(run, _context);
        await interpreter.ResumeWithReplyAsync(run, _context, _context.ContactSays("pizza"));

        var asked = _context.Stored.Where(m => m.Direction == MessageDirection.Outbound).ToList();
        Assert.Equal(["Topic?", "Please pick one.\nTopic?"], asked.Select(m => m.Body));
        Assert.All(asked, m => Assert.Equal(["Sales", "Support", "Billing"], m.QuickReplies!));
    }

    [Fact]
    public async Task A_free_text_question_offers_nothing_to_tap()
    {
        var interpreter = Around(new AskQuestionStep { Question = "Your order number?", AnswerType = AnswerType.FreeText });
        await interpreter.StartAsync(NewRun(), _context);

        Assert.Null(_context.Stored.Single(m => m.Direction == MessageDirection.Outbound).QuickReplies);
    }

    [Fact]
    public async Task An_invalid_answer_is_asked_again_until_retries_run_out_then_takes_invalid()
    {
        var ask = new AskQuestionStep { Question = "How many seats?", AnswerType = AnswerType.Number, MaxRetries = 1, InvalidAnswerMessage = "Please send a number." };
        var interpreter = Around(ask);
        var run = NewRun();
        await interpreter.StartAsync(run, _context);

        await interpreter.ResumeWithReplyAsync(run, _context, _context.ContactSays("a few"));
        Assert.Equal(RunStatus.Waiting, run.Status);
        Assert.Equal("Please send a number.\nHow many seats?", _context.SentTexts.Last());

        await interpreter.ResumeWithReplyAsync(run, _context, _context.ContactSays("lots"));
        Assert.Equal(Outcomes.Invalid, Outcome(run));
    }

    [Fact]
    public async Task An_unanswered_question_takes_timeout_when_its_timer_fires_and_not_before()
    {
        var interpreter = Around(new AskQuestionStep { Question = "Phone?", AnswerType = AnswerType.Phone, TimeoutMinutes = 15 });
        var run = NewRun();
        await interpreter.StartAsync(run, _context);

        _context.Now = _context.Now.AddMinutes(14);
        await interpreter.ResumeOnTimerAsync(run, _context);
        Assert.Equal(RunStatus.Waiting, run.Status);

        _context.Now = _context.Now.AddMinutes(2);
        await interpreter.ResumeOnTimerAsync(run, _context);
        Assert.Equal(Outcomes.Timeout, Outcome(run));
    }

    [Theory]
    [InlineData(AnswerType.Number, "12,5", "12.5")]
    [InlineData(AnswerType.Number, "twelve", null)]
    [InlineData(AnswerType.Email, "a@b.co", "a@b.co")]
    [InlineData(AnswerType.Email, "not an email", null)]
    [InlineData(AnswerType.Phone, "+49 (30) 123-456", "+49 (30) 123-456")]
    [InlineData(AnswerType.Phone, "call me", null)]
    [InlineData(AnswerType.FreeText, "  anything  ", "anything")]
    public void Answers_are_validated_by_type(AnswerType type, string answer, string? accepted) =>
        Assert.Equal(accepted, AnswerValidation.Accept(new AskQuestionStep { AnswerType = type }, answer));

    [Fact]
    public async Task Contact_steps_update_fields_and_tags_with_variables()
    {
        var interpreter = new WorkflowInterpreter(new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new UpdateContactFieldStep { Id = "field", Field = "Greeting", Value = "Hi {{contact.name}} via {{channel.key}}" })
            .Add(new AddTagStep { Id = "tag", Tag = "new" })
            .Add(new AddTagStep { Id = "tag2", Tag = "lead" })
            .Add(new RemoveTagStep { Id = "untag", Tag = "new" })
            .Connect("trigger", Outcomes.Next, "field").Connect("field", Outcomes.Next, "tag")
            .Connect("tag", Outcomes.Next, "tag2").Connect("tag2", Outcomes.Next, "untag"));
        var run = NewRun();

        await interpreter.StartAsync(run, _context);

        Assert.Equal("Hi Maria Lopez via webchat", _context.Contact.GetField("Greeting"));
        Assert.Equal(["lead"], _context.Contact.Tags);
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_comment_is_an_internal_note_and_a_message_goes_to_the_contact()
    {
        var interpreter = new WorkflowInterpreter(new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new AddCommentStep { Id = "note", Text = "VIP: {{contact.email}}" })
            .Add(new SendMessageStep { Id = "send", Text = "Thanks {{contact.name}}!" })
            .Connect("trigger", Outcomes.Next, "note").Connect("note", Outcomes.Next, "send"));

        await interpreter.StartAsync(NewRun(), _context);

        Assert.Equal([(MessageDirection.InternalNote, "VIP: maria@example.com"), (MessageDirection.Outbound, "Thanks Maria Lopez!")],
            _context.Stored.Select(m => (m.Direction, m.Body)));
        Assert.All(_context.Stored, m => Assert.Equal(AuthorKind.Workflow, m.AuthorKind));
    }

    [Fact]
    public async Task A_send_message_step_on_a_closed_conversation_messages_the_contact_without_reopening_it()
    {
        _context.Conversation.Close(new ClosingNote("Resolved", "Done"), null, _context.Now);
        var interpreter = new WorkflowInterpreter(new WorkflowDefinition()
            .Add(new ConversationClosedTrigger { Id = "trigger" })
            .Add(new SendMessageStep { Id = "send", Text = "Thanks for contacting us!" })
            .Connect("trigger", Outcomes.Next, "send"));

        await interpreter.StartAsync(NewRun(), _context);

        Assert.Equal((MessageDirection.Outbound, "Thanks for contacting us!"), _context.Stored.Select(m => (m.Direction, m.Body)).Single());
        Assert.False(_context.Conversation.IsOpen);
    }

    [Fact]
    public async Task An_http_request_that_answers_2xx_maps_its_json_to_fields_and_takes_success()
    {
        _context.HttpResponse = new HttpStepResponse(200, """{"customer":{"plan":"Gold","orders":[{"id":42}]}}""");
        var step = new HttpRequestStep
        {
            Method = "POST", Url = "https://crm.example.com/lookup?email={{contact.email}}", Body = """{"name":"{{contact.name}}"}""",
            Headers = [new("X-Api-Key", "secret")], ResponseMappings = [new("customer.plan", "Plan"), new("customer.orders.0.id", "LastOrder")],
        };

        var run = await RunAsync(step);

        Assert.Equal(Outcomes.Success, Outcome(run));
        Assert.Equal(("Gold", "42"), (_context.Contact.GetField("Plan"), _context.Contact.GetField("LastOrder")));
        Assert.Equal("https://crm.example.com/lookup?email=maria@example.com", _context.LastRequest!.Url);
        Assert.Equal("""{"name":"Maria Lopez"}""", _context.LastRequest.Body);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(null)]
    public async Task An_http_request_that_fails_or_times_out_takes_failure(int? status)
    {
        _context.HttpResponse = new HttpStepResponse(status, null, status is null ? "no answer within 5 s" : null);

        var run = await RunAsync(new HttpRequestStep { Url = "https://crm.example.com" });

        Assert.Equal(Outcomes.Failure, Outcome(run));
    }

    [Fact]
    public async Task An_http_request_waits_for_its_answer_and_takes_failure_when_none_comes_by_its_deadline()
    {
        var interpreter = Around(new HttpRequestStep { Url = "https://crm.example.com", TimeoutSeconds = 5 });
        var run = NewRun();

        await interpreter.StartAsync(run, _context);

        Assert.Equal((RunStatus.Waiting, RunWait.Http), (run.Status, run.WaitingFor));
        Assert.Equal("https://crm.example.com", _context.LastRequest!.Url);
        Assert.True(run.WakeAt > _context.Now.AddSeconds(5));
        _context.Now = run.WakeAt!.Value;
        await interpreter.ResumeOnTimerAsync(run, _context);
        Assert.Equal(Outcomes.Failure, Outcome(run));
        // A response that comes back after the deadline changes nothing.
        await interpreter.ResumeWithHttpAsync(run, _context, new HttpStepResponse(200, "{}"));
        Assert.Equal(Outcomes.Failure, Outcome(run));
    }

    [Fact]
    public async Task A_branch_takes_the_first_matching_rule_in_order()
    {
        _context.Contact.SetField("Topic", "Billing");
        _context.Contact.AddTag("vip");
        var branch = new BranchStep
        {
            Rules =
            [
                new BranchRule { Id = "sales", Conditions = [new() { Field = "Topic", Value = "Sales" }] },
                new BranchRule { Id = "vip-billing", Match = ConditionMatch.All, Conditions =
                    [new() { Field = "Topic", Operator = ConditionOperator.InList, Value = "Billing, Accounts" }, new() { Subject = ConditionSubject.Tag, Value = "VIP" }] },
                new BranchRule { Id = "billing", Conditions = [new() { Field = "Topic", Value = "billing" }] },
            ],
        };

        Assert.Equal(Outcomes.Rule("vip-billing"), Outcome(await RunAsync(branch)));
    }

    [Fact]
    public async Task A_branch_with_no_matching_rule_takes_else_and_any_matches_one_condition()
    {
        _context.LastMessageText = "I want a refund";
        var noMatch = new BranchStep { Rules = [new BranchRule { Id = "r", Conditions = [new() { Field = "Topic", Operator = ConditionOperator.IsSet }] }] };
        var anyOf = new BranchStep { Rules = [new BranchRule { Id = "refund", Match = ConditionMatch.Any, Conditions =
            [new() { Subject = ConditionSubject.Channel, Value = "whatsapp" }, new() { Subject = ConditionSubject.LastMessage, Operator = ConditionOperator.Contains, Value = "REFUND" }] }] };

        Assert.Equal(Outcomes.Else, Outcome(await RunAsync(noMatch)));
        Assert.Equal(Outcomes.Rule("refund"), Outcome(await RunAsync(anyOf)));
    }

    [Theory]
    [InlineData("2026-11-25T10:00:00Z", "open")]   // Wednesday 11:00 in Berlin
    [InlineData("2026-11-25T17:30:00Z", "closed")] // Wednesday 18:30 in Berlin
    [InlineData("2026-11-28T10:00:00Z", "closed")] // Saturday
    [InlineData("2026-12-25T10:00:00Z", "closed")] // a Friday, but a holiday
    public async Task Business_hours_are_open_or_closed_in_their_time_zone(string utc, string outcome)
    {
        _context.Now = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var hours = new BusinessHoursStep
        {
            TimeZone = "Europe/Berlin", Schedule = BusinessHoursStep.Weekdays(new(9, 0), new(18, 0)), Holidays = [new DateOnly(2026, 12, 25)],
        };

        Assert.Equal(outcome, Outcome(await RunAsync(hours)));
    }

    [Fact]
    public async Task Assigning_to_a_team_takes_assigned_with_the_agent_on_the_conversation()
    {
        var ana = FakeRunContext.Agent("Ana");
        _context.Candidates.Add(ana);

        var run = await RunAsync(new AssignToStep { TeamId = Guid.NewGuid() });

        Assert.Equal(Outcomes.Assigned, Outcome(run));
        Assert.Equal(ana.AgentId, _context.Conversation.AssigneeId);
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Assigning_with_nobody_online_takes_nobody_available_and_queues_when_asked()
    {
        _context.Candidates.Add(FakeRunContext.Agent("Ben", AgentAvailability.Away));
        var step = new AssignToStep { TeamId = Guid.NewGuid(), QueueWhenNobodyAvailable = true };
        var after = new SendMessageStep { Id = "queued", Text = "You are number {{queue.position}} in line." };
        var definition = new WorkflowDefinition().Add(new ConversationOpenedTrigger { Id = "trigger" }).Add(step).Add(after).Add(new EndStep { Id = "end" });
        step.Id = "step";
        definition.Connect("trigger", Outcomes.Next, "step").Connect("step", Outcomes.NobodyAvailable, "queued").Connect("step", Outcomes.Assigned, "end");
        var run = NewRun();

        await new WorkflowInterpreter(definition).StartAsync(run, _context);

        Assert.Equal(Outcomes.NobodyAvailable, Outcome(run));
        Assert.Null(_context.Conversation.AssigneeId);
        Assert.Equal("You are number 3 in line.", _context.SentTexts.Single());
        Assert.Equal("Ben: away", string.Join(", ", run.Log.Single(e => e.Decision is not null).Decision!.Candidates.Select(c => $"{c.Name}: {c.Reason}")));
    }

    [Fact]
    public async Task Unassign_and_close_change_the_conversation()
    {
        _context.Conversation.AssignTo(Guid.NewGuid(), null, _context.Now);
        var interpreter = new WorkflowInterpreter(new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new UnassignStep { Id = "unassign" })
            .Add(new CloseConversationStep { Id = "close", Category = "Spam", Note = "Closed for {{contact.name}}" })
            .Connect("trigger", Outcomes.Next, "unassign").Connect("unassign", Outcomes.Next, "close"));
        var run = NewRun();

        await interpreter.StartAsync(run, _context);

        Assert.Null(_context.Conversation.AssigneeId);
        Assert.Equal(ConversationStatus.Closed, _context.Conversation.Status);
        Assert.Equal("Closed for Maria Lopez", _context.Conversation.ClosingNote!.Summary);
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_wait_pauses_until_its_timer_then_goes_on()
    {
        var interpreter = Around(new WaitStep { Minutes = 60 });
        var run = NewRun();
        await interpreter.StartAsync(run, _context);
        Assert.Equal((RunStatus.Waiting, RunWait.Timer, _context.Now.AddHours(1)), (run.Status, run.WaitingFor, run.WakeAt));

        _context.Now = _context.Now.AddHours(1);
        await interpreter.ResumeOnTimerAsync(run, _context);

        Assert.Equal(Outcomes.Next, Outcome(run));
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task Jump_to_goes_back_and_a_loop_without_waiting_fails_the_run_instead_of_hanging()
    {
        var interpreter = new WorkflowInterpreter(new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new AddTagStep { Id = "tag", Tag = "loop" })
            .Add(new JumpToStep { Id = "jump", TargetNodeId = "tag" })
            .Connect("trigger", Outcomes.Next, "tag").Connect("tag", Outcomes.Next, "jump"));
        var run = NewRun();

        await interpreter.StartAsync(run, _context);

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("Jump To loops", run.EndReason);
    }

    [Fact]
    public async Task An_outcome_wired_nowhere_ends_the_run()
    {
        var interpreter = new WorkflowInterpreter(new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new SendMessageStep { Id = "send", Text = "Hi" })
            .Connect("trigger", Outcomes.Next, "send"));
        var run = NewRun();

        await interpreter.StartAsync(run, _context);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal("Ended after Send message: Then.", run.EndReason);
    }
}
