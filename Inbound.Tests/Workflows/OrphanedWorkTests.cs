using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Workflows;

/// <summary>
/// A change committed by a node that crashed before its event reached the engine: the change is stored without its
/// event being published (as the crash would leave it), and the running node's sweep takes the work over.
/// </summary>
public class OrphanedWorkTests : IAsyncLifetime
{
    private readonly InboundApp _app = new NoWorkflowsApp().With("Workflows:SweepEvery", "00:00:01");
    private ChannelClient _channel = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _channel = new ChannelClient(_app.CreateHttpClient());
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task<Guid> NewConversationAsync() =>
        (await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello")).ConversationId;

    /// <summary>Saves without publishing: the node "crashed" right after its commit.</summary>
    private async Task ChangeWithoutEventAsync(Func<InboundDbContext, DateTime, Task> change)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        await change(db, _app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_queued_conversation_is_assigned_when_an_agent_came_online_on_a_node_that_crashed_before_its_event()
    {
        await _app.PublishAsync("Queue for Support", WorkflowTestApp.AssignStraightAway(await _app.TeamIdAsync("Support"), queue: true));
        var queued = await NewConversationAsync();
        await Eventually.TrueAsync(() => _app.QueryAsync(db => db.TeamQueue.AnyAsync(q => q.ConversationId == queued)), "the conversation to be queued");

        await ChangeWithoutEventAsync(async (db, now) =>
            (await db.Agents.SingleAsync(a => a.Email == "ben@inbound.local")).SetAvailability(AgentAvailability.Online, now));

        var assigned = await _app.AssignedConversationAsync(queued);
        Assert.Equal(await _app.AgentIdAsync("ben@inbound.local"), assigned.AssigneeId);
    }

    [Fact]
    public async Task A_closing_whose_event_was_lost_cancels_the_waiting_run_and_starts_the_closed_triggered_workflow_once()
    {
        var asking = new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new AskQuestionStep { Id = "ask", Question = "Which order?" })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "ask").Connect("ask", Outcomes.Answered, "end").Connect("ask", Outcomes.Invalid, "end");
        await _app.PublishAsync("Ask", asking);
        var followUp = await _app.PublishAsync("After closing", new WorkflowDefinition()
            .Add(new ConversationClosedTrigger { Id = "trigger" }).Add(new EndStep { Id = "end" }).Connect("trigger", Outcomes.Next, "end"));
        var conversationId = await NewConversationAsync();
        await _app.RunAsync(conversationId, r => r.Status == RunStatus.Waiting, "the question to wait for an answer");

        await ChangeWithoutEventAsync(async (db, now) =>
            (await db.Conversations.SingleAsync(c => c.Id == conversationId)).Close(new ClosingNote("Resolved", "Done"), null, now));

        await _app.RunAsync(conversationId, r => r.Status == RunStatus.Cancelled, "the waiting run to be cancelled");
        await _app.RunAsync(conversationId, r => r.WorkflowId == followUp, "the closed-triggered run");
        Assert.Equal(1, await _app.QueryAsync(db => db.WorkflowRuns.CountAsync(r => r.ConversationId == conversationId && r.WorkflowId == followUp)));
    }
}
