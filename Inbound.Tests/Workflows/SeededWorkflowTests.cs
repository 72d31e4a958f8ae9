using Inbound.Domain.Conversations;
using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Workflows;

/// <summary>The seeded "Inbound conversations" workflow, driven through the real ingestion endpoint.</summary>
public class SeededWorkflowTests : IAsyncLifetime
{
    private readonly InboundApp _app = new();
    private ChannelClient _channel = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _channel = new ChannelClient(_app.CreateHttpClient());
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_new_contacts_first_message_starts_the_workflow_which_asks_what_it_is_about()
    {
        var opened = await _channel.SendOkAsync(NewId("m"), NewId("contact"), "Hello there", "Maria Lopez");

        var question = await _app.WorkflowMessageAsync(opened.ConversationId, "What can we help you with?");

        Assert.Equal("What can we help you with?", question);
        var choices = await _app.QueryAsync(db => db.Messages
            .Where(m => m.ConversationId == opened.ConversationId && m.Body == question).Select(m => m.QuickReplies).SingleAsync());
        Assert.Equal(["Sales", "Support", "Billing"], choices);
        var run = await _app.RunAsync(opened.ConversationId, r => r.Status == RunStatus.Waiting, "the run to wait for the answer");
        Assert.Equal((InboundConversationsTemplate.Name, "ask-topic", RunWait.Reply), (run.WorkflowName, run.CurrentNodeId, run.WaitingFor));
    }

    [Fact]
    public async Task The_answer_routes_to_its_team_and_ends_assigned_to_the_teams_online_agent_with_the_reason()
    {
        await _app.SetAvailabilityAsync("carla@inbound.local", AgentAvailability.Online);
        await _app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        var contact = NewId("contact");
        var opened = await _channel.SendOkAsync(NewId("m"), contact, "Hi, question about an invoice");
        await _app.WorkflowMessageAsync(opened.ConversationId, "What can we help you with?");

        await _channel.SendOkAsync(NewId("m"), contact, "billing");

        var conversation = await _app.AssignedConversationAsync(opened.ConversationId);
        Assert.Equal(await _app.AgentIdAsync("carla@inbound.local"), conversation.AssigneeId);
        Assert.Equal(await _app.TeamIdAsync("Billing"), conversation.TeamId);
        var topic = await _app.QueryAsync(db => db.Contacts.Where(c => c.Id == conversation.ContactId).Select(c => c.Fields).SingleAsync());
        Assert.Equal("Billing", topic["Topic"]);

        var run = await _app.RunAsync(opened.ConversationId, r => r.Status == RunStatus.Completed, "the run to complete");
        Assert.Equal(["Started", "option:Billing", "rule:billing", "assigned"],
            run.Log.Where(e => e.Outcome is not null && e.Kind is not NodeKind.BusinessHours and not NodeKind.SendMessage).Select(e => e.Outcome == Outcomes.Next ? "Started" : e.Outcome));
        var decision = run.Log.Single(e => e.Decision is not null).Decision!;
        Assert.StartsWith("Round robin: Carla Agent", decision.Rule);
        Assert.Equal(Verdict.Chosen, decision.Candidates.Single(c => c.Name == "Carla Agent").Verdict);
        Assert.Equal(Verdict.NotInTeam, decision.Candidates.Single(c => c.Name == "Ana Agent").Verdict);
        Assert.Equal(Verdict.Offline, decision.Candidates.Single(c => c.Name == "Dev Agent").Verdict);
        var thread = await _app.QueryAsync(db => db.Messages.Where(m => m.ConversationId == opened.ConversationId && m.AuthorKind == AuthorKind.System).Select(m => m.Body).ToListAsync());
        Assert.Contains("Assigned to Carla Agent by workflow", thread);
    }

    [Fact]
    public async Task With_nobody_online_the_contact_learns_their_place_and_the_queue_drains_when_an_agent_comes_online()
    {
        var first = NewId("contact");
        var second = NewId("contact");
        var a = await _channel.SendOkAsync(NewId("m"), first, "Hi");
        var b = await _channel.SendOkAsync(NewId("m"), second, "Hello");
        await _app.WorkflowMessageAsync(a.ConversationId, "What can we help you with?");
        await _app.WorkflowMessageAsync(b.ConversationId, "What can we help you with?");

        await _channel.SendOkAsync(NewId("m"), first, "Sales");
        await _app.WorkflowMessageAsync(a.ConversationId, "You are number 1 in line");
        await _channel.SendOkAsync(NewId("m"), second, "1");
        await _app.WorkflowMessageAsync(b.ConversationId, "You are number 2 in line");

        await _app.SetCapacityAsync("ana@inbound.local", 1);
        await _app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);

        var assigned = await _app.AssignedConversationAsync(a.ConversationId);
        Assert.Equal(await _app.AgentIdAsync("ana@inbound.local"), assigned.AssigneeId);
        var secondStillQueued = await _app.QueryAsync(db => db.TeamQueue.AnyAsync(q => q.ConversationId == b.ConversationId));
        Assert.True(secondStillQueued, "Ana's capacity of 1 is full: the second conversation waits");
        var run = await _app.RunAsync(a.ConversationId, r => r.Log.Any(e => e.NodeId == "queue"), "the queue assignment in the run log");
        Assert.Contains("Ana Agent", run.Log.Last().Detail);

        await _app.SetAvailabilityAsync("dev@inbound.local", AgentAvailability.Online);
        var next = await _app.AssignedConversationAsync(b.ConversationId);
        Assert.Equal(await _app.AgentIdAsync("dev@inbound.local"), next.AssigneeId);
    }

    [Fact]
    public async Task Closing_the_conversation_while_the_run_waits_cancels_the_run()
    {
        var opened = await _channel.SendOkAsync(NewId("m"), NewId("contact"), "Hi");
        await _app.RunAsync(opened.ConversationId, r => r.Status == RunStatus.Waiting, "the run to wait");

        await _app.CloseConversationAsync(opened.ConversationId);

        var run = await _app.RunAsync(opened.ConversationId, r => r.Status == RunStatus.Cancelled, "the run to be cancelled");
        Assert.Equal("The conversation was closed.", run.EndReason);
    }
}
