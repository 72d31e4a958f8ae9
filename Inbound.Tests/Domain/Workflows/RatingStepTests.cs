using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Domain.Workflows;

/// <summary>The Ask for a rating step on a run the conversation's closing started: it asks, waits the window, and takes rated or no answer.</summary>
public class RatingStepTests
{
    private readonly FakeRunContext _context = new();

    public RatingStepTests() => _context.Conversation.Close(new ClosingNote("Resolved", "Parcel found"), null, _context.Now);

    private static WorkflowInterpreter AfterClosing(AskForRatingStep step)
    {
        step.Id = "rate";
        return new WorkflowInterpreter(new WorkflowDefinition()
            .Add(new ConversationClosedTrigger { Id = "trigger" }).Add(step)
            .Add(new SendMessageStep { Id = "thanks", Text = "Thanks for rating us {{rating}}!" }).Add(new EndStep { Id = "quiet" })
            .Connect("trigger", Outcomes.Next, "rate").Connect("rate", Outcomes.Rated, "thanks").Connect("rate", Outcomes.NoAnswer, "quiet"));
    }

    private WorkflowRun NewRun() => new(Guid.NewGuid(), "CSAT", Guid.NewGuid(), 1, _context.Conversation.Id, _context.Contact.Id,
        _context.Conversation.FirstMessageId, "trigger", _context.Now);

    /// <summary>As ingestion stores it: on the closed conversation, as an answer to the rating question.</summary>
    private Message ContactAnswers(string text)
    {
        _context.Now = _context.Now.AddMinutes(1);
        return InboundMessageRouting.Receive(_context.Contact.Id, _context.Conversation.ChannelId, null, text, $"m-{Guid.NewGuid():N}", _context.Now,
            awaitingRating: _context.Conversation).Message;
    }

    private static string? Outcome(WorkflowRun run) => run.Log.LastOrDefault(e => e.NodeId == "rate" && e.Outcome is not null)?.Outcome;

    [Fact]
    public async Task The_step_asks_the_closed_conversations_contact_with_buttons_1_to_5_and_waits_the_window()
    {
        var run = NewRun();

        await AfterClosing(new AskForRatingStep { Question = "How did we do?", WindowMinutes = 120 }).StartAsync(run, _context);

        var question = Assert.Single(_context.Stored);
        Assert.Equal(("How did we do?", MessageDirection.Outbound), (question.Body, question.Direction));
        Assert.Equal(Conversation.CsatChoices, question.QuickReplies);
        Assert.Equal((RunStatus.Waiting, RunWait.Reply, _context.Now.AddHours(2)), (run.Status, run.WaitingFor, run.WakeAt));
        Assert.False(_context.Conversation.IsOpen);
        Assert.True(_context.Conversation.AwaitsCsatAt(_context.Now.AddMinutes(119)));
    }

    [Fact]
    public async Task A_rating_then_a_comment_are_stored_on_the_conversation_and_take_rated()
    {
        var interpreter = AfterClosing(new AskForRatingStep { CommentQuestion = "Anything to add?" });
        var run = NewRun();
        await interpreter.StartAsync(run, _context);

        await interpreter.ResumeWithReplyAsync(run, _context, ContactAnswers("4"));
        Assert.Equal("Anything to add?", _context.SentTexts.Last());
        Assert.Equal(RunStatus.Waiting, run.Status);
        await interpreter.ResumeWithReplyAsync(run, _context, ContactAnswers("Quick and friendly"));

        Assert.Equal(Outcomes.Rated, Outcome(run));
        Assert.Equal("Thanks for rating us 4!", _context.SentTexts.Last());
        Assert.Equal((4, "Quick and friendly", false), (_context.Conversation.CsatRating, _context.Conversation.CsatComment, _context.Conversation.IsOpen));
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task A_text_that_is_not_a_rating_keeps_the_step_waiting_until_a_rating_comes()
    {
        var interpreter = AfterClosing(new AskForRatingStep());
        var run = NewRun();
        await interpreter.StartAsync(run, _context);

        await interpreter.ResumeWithReplyAsync(run, _context, ContactAnswers("hmm"));

        Assert.Equal((RunStatus.Waiting, null), (run.Status, Outcome(run)));
        Assert.Null(_context.Conversation.CsatRating);
    }

    [Fact]
    public async Task Without_a_comment_question_the_rating_takes_rated_and_the_next_message_opens_a_new_conversation()
    {
        var interpreter = AfterClosing(new AskForRatingStep { CommentQuestion = "" });
        var run = NewRun();
        await interpreter.StartAsync(run, _context);

        await interpreter.ResumeWithReplyAsync(run, _context, ContactAnswers("5"));

        Assert.Equal(Outcomes.Rated, Outcome(run));
        Assert.False(_context.Conversation.AwaitsCsatAt(_context.Now));
    }

    [Fact]
    public async Task No_rating_within_the_window_takes_no_answer()
    {
        var interpreter = AfterClosing(new AskForRatingStep { WindowMinutes = 60 });
        var run = NewRun();
        await interpreter.StartAsync(run, _context);

        _context.Now = run.WakeAt!.Value;
        await interpreter.ResumeOnTimerAsync(run, _context);

        Assert.Equal(Outcomes.NoAnswer, Outcome(run));
        Assert.Null(_context.Conversation.CsatRating);
        Assert.Single(_context.Stored);
    }

    [Fact]
    public async Task A_rating_without_a_comment_by_the_end_of_the_window_still_takes_rated()
    {
        var interpreter = AfterClosing(new AskForRatingStep { WindowMinutes = 60 });
        var run = NewRun();
        await interpreter.StartAsync(run, _context);
        await interpreter.ResumeWithReplyAsync(run, _context, ContactAnswers("2"));

        _context.Now = run.WakeAt!.Value;
        await interpreter.ResumeOnTimerAsync(run, _context);

        Assert.Equal(Outcomes.Rated, Outcome(run));
        Assert.Equal((2, null), (_context.Conversation.CsatRating, _context.Conversation.CsatComment));
    }

    [Fact]
    public void A_rating_step_in_a_workflow_not_started_by_closing_cannot_be_published()
    {
        var definition = new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" }).Add(new AskForRatingStep { Id = "rate" }).Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "rate").Connect("rate", Outcomes.Rated, "end").Connect("rate", Outcomes.NoAnswer, "end");

        var issue = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("rate", issue.NodeId);
        Assert.Contains("Conversation closed trigger", issue.Message);
        Assert.True(issue.IsError);
    }
}
