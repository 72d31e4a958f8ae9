using System.Text.Json;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Ai;

/// <summary>The AI step in a published workflow, against the fake model service, end to end through the real engine.</summary>
public sealed class AnswerWithAiStepTests(AiWorkflowApp app) : IClassFixture<AiWorkflowApp>
{
    private static string Json(string status, string answer, params int[] sources) =>
        JsonSerializer.Serialize(new { status, answer, sources });

    private async Task<Guid> ContactWritesAsync(string text, string? contactId = null)
    {
        var sent = await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", contactId ?? $"contact-{Guid.NewGuid():N}", text);
        return sent.ConversationId;
    }

    private Task<WorkflowRun> FinishedRunAsync(Guid conversationId) =>
        app.RunAsync(conversationId, r => r.Status == RunStatus.Completed, "the AI workflow's run to finish");

    [Fact]
    public async Task The_step_answers_from_the_right_article_cites_it_and_a_thank_you_ends_it_as_answered()
    {
        app.Ai.Mode = FakeAiMode.Normal;
        app.Ai.Answer(q => q.Contains("return", StringComparison.OrdinalIgnoreCase) && q.Contains("days"),
            Json("answered", "You have 30 days after delivery to return it for a full refund.", 1));
        var contact = $"contact-{Guid.NewGuid():N}";

        var conversationId = await ContactWritesAsync("How many days do I have to return a jacket?", contact);

        await app.WorkflowMessageAsync(conversationId, "You have 30 days after delivery");
        // Retrieval put the returns article first: it is the one source the model was given.
        var request = app.Ai.ChatRequests.Last(r => r.LastUserMessage.Contains("jacket"));
        var system = (string)request.Json["messages"]![0]!["content"]!;
        Assert.Contains("[1] Returns", system);
        Assert.DoesNotContain("Shipping costs", system);
        var cited = await Eventually.GetAsync(() => app.QueryAsync(db => db.Messages
            .Where(m => m.ConversationId == conversationId && m.Body.StartsWith("AI answer sources:")).Select(m => m.Body).FirstOrDefaultAsync()), "the agents' note of the sources");
        Assert.Equal("AI answer sources: Returns", cited);

        await ContactWritesAsync("Thanks!", contact);
        var run = await FinishedRunAsync(conversationId);
        var ai = run.Log.Single(e => e.NodeId == "ai" && e.Outcome is not null);
        Assert.Equal(Outcomes.Answered, ai.Outcome);
        Assert.Contains(run.Log, e => e.NodeId == "ai" && e.Detail.Contains("sources: Returns") && e.Detail.Contains("30 days"));
        await app.AssignedConversationAsync(conversationId);
    }

    [Fact]
    public async Task Asking_for_a_person_takes_the_hand_over_path_and_the_email_never_reaches_the_model()
    {
        app.Ai.Mode = FakeAiMode.Normal;
        app.Ai.Answer(q => q.Contains("person"), Json("handover", "Of course, a colleague will be with you in a moment."));

        var conversationId = await ContactWritesAsync("I want to talk to a person, write me at maria.lopez@example.com");

        var run = await FinishedRunAsync(conversationId);
        Assert.Equal(Outcomes.HandOver, run.Log.Single(e => e.NodeId == "ai" && e.Outcome is not null).Outcome);
        await app.WorkflowMessageAsync(conversationId, "a colleague will be with you");
        Assert.Equal(await app.AgentIdAsync("ben@inbound.local"), (await app.AssignedConversationAsync(conversationId)).AssigneeId);
        var sent = app.Ai.ChatRequests.Last(r => r.LastUserMessage.Contains("person")).Body;
        Assert.DoesNotContain("maria.lopez@example.com", sent);
        Assert.Contains("[email]", sent);
    }

    [Fact]
    public async Task A_follow_up_reaches_the_model_after_the_first_question_and_answer_with_the_history_redacted()
    {
        app.Ai.Mode = FakeAiMode.Normal;
        const string firstAnswer = "You have 30 days after delivery to return the coat.";
        app.Ai.Answer(q => q.Contains("return a coat", StringComparison.Ordinal), Json("answered", firstAnswer, 1))
            .Answer(q => q.Contains("print the label", StringComparison.Ordinal), Json("answered", "Yes, print the return label from your account.", 1));
        var contact = $"contact-{Guid.NewGuid():N}";

        var conversationId = await ContactWritesAsync("How many days do I have to return a coat? I am anna.berg@example.com", contact);
        await app.WorkflowMessageAsync(conversationId, firstAnswer);
        await ContactWritesAsync("And can I print the label myself?", contact);
        await app.WorkflowMessageAsync(conversationId, "print the return label from your account");

        var request = app.Ai.ChatRequests.Last(r => r.LastUserMessage.Contains("print the label"));
        var turns = request.Json["messages"]!.AsArray().Select(m => ((string)m!["role"]!, (string)m["content"]!)).ToList();
        Assert.Equal(["system", "user", "assistant", "user"], turns.Select(t => t.Item1));
        Assert.Equal("How many days do I have to return a coat? I am [email]", turns[1].Item2);
        Assert.Equal(firstAnswer, turns[2].Item2);
        Assert.Equal("And can I print the label myself?", turns[3].Item2);
        Assert.DoesNotContain("anna.berg@example.com", request.Body);
        // Retrieval searched with the follow-up and a little of what came before it.
        Assert.Contains(app.Ai.EmbeddingRequests, r => r.Body.Contains("print the label") && r.Body.Contains("return the coat"));
    }

    [Fact]
    public async Task A_slow_model_service_takes_the_failed_path_and_the_conversation_is_still_assigned()
    {
        app.Ai.Mode = FakeAiMode.Slow;
        try
        {
            var conversationId = await ContactWritesAsync("Where is my parcel?");

            var run = await FinishedRunAsync(conversationId);
            var ai = run.Log.Single(e => e.NodeId == "ai" && e.Outcome is not null);
            Assert.Equal(Outcomes.Failure, ai.Outcome);
            Assert.Contains($"did not answer within {AiApp.TimeoutSeconds} s", ai.Detail);
            Assert.NotNull((await app.AssignedConversationAsync(conversationId)).AssigneeId);
        }
        finally
        {
            app.Ai.Mode = FakeAiMode.Normal;
        }
    }
}
