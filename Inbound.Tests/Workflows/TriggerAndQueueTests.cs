using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.Workflows;
using System.Net;
using System.Net.Http.Json;
using Inbound.Web.Data;
using Inbound.Web.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Workflows;

/// <summary>The closed and manual triggers, and queues that drain when an agent frees capacity or joins the team.</summary>
public class TriggerAndQueueTests : IAsyncLifetime
{
    private readonly InboundApp _app = new NoWorkflowsApp();
    private ChannelClient _channel = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _channel = new ChannelClient(_app.CreateHttpClient());
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task<Guid> NewConversationAsync() =>
        (await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello")).ConversationId;

    private static WorkflowDefinition TagOn(TriggerNode trigger, string tag) => new WorkflowDefinition()
        .Add(trigger).Add(new AddTagStep { Id = "tag", Tag = tag }).Add(new EndStep { Id = "end" })
        .Connect(trigger.Id, Outcomes.Next, "tag").Connect("tag", Outcomes.Next, "end");

    private async Task PublishQueueingAssignToAsync(string team) =>
        await _app.PublishAsync($"Queue for {team}", WorkflowTestApp.AssignStraightAway(await _app.TeamIdAsync(team), queue: true));

    private Task<bool> HasTagAsync(Guid conversationId, string tag) => _app.QueryAsync(async db =>
    {
        var contactId = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.ContactId).SingleAsync();
        return (await db.Contacts.SingleAsync(c => c.Id == contactId)).HasTag(tag);
    });

    [Fact]
    public async Task An_agent_starts_a_manual_workflow_on_a_conversation_through_the_inbox_api()
    {
        var workflowId = await _app.PublishAsync("Mark as VIP", TagOn(new ManualTrigger { Id = "trigger" }, "vip"));
        await _app.PublishAsync("Greet", TagOn(new ConversationClosedTrigger { Id = "trigger" }, "greeted"));
        var conversationId = await NewConversationAsync();
        await using var admin = await InboxUser.SignInAsync(_app, "admin@inbound.local");
        Assert.False(await HasTagAsync(conversationId, "vip"));

        var offered = await admin.Http().GetFromJsonAsync<List<ManualWorkflow>>("api/inbox/workflows", ApiJson.Options);
        Assert.Equal([new ManualWorkflow(workflowId, "Mark as VIP")], offered);
        var started = await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{conversationId}/workflows", new { workflowId });

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await Eventually.TrueAsync(() => HasTagAsync(conversationId, "vip"), "the manual run to tag the contact");
        Assert.True(await _app.QueryAsync(db => db.Messages.AnyAsync(m => m.ConversationId == conversationId
            && m.Direction == MessageDirection.InternalNote && m.Body == "Workflow \"Mark as VIP\" started by Alex Admin")));
    }

    [Fact]
    public async Task Starting_a_workflow_is_refused_for_another_agents_conversation_an_unknown_workflow_or_a_closed_conversation()
    {
        var workflowId = await _app.PublishAsync("Mark as VIP", TagOn(new ManualTrigger { Id = "trigger" }, "vip"));
        var opened = await _app.PublishAsync("Tag on open", TagOn(new ConversationOpenedTrigger { Id = "trigger" }, "opened"));
        var conversationId = await NewConversationAsync();
        await using var ana = await InboxUser.SignInAsync(_app, "ana@inbound.local");
        await using var admin = await InboxUser.SignInAsync(_app, "admin@inbound.local");

        var notHers = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{conversationId}/workflows", new { workflowId });
        var notManual = await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{conversationId}/workflows", new { workflowId = opened });
        var missing = await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{conversationId}/workflows", new { });
        await _app.CloseConversationAsync(conversationId);
        var closed = await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{conversationId}/workflows", new { workflowId });

        Assert.Equal(HttpStatusCode.NotFound, notHers.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notManual.StatusCode);
        Assert.Contains("manual trigger", (await notManual.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("workflowId", (await missing.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.False(await HasTagAsync(conversationId, "vip"));
    }

    /// <summary>Queues for the team when nobody is online, and tells the contact their place in line.</summary>
    private async Task PublishQueueWithPositionAsync(string team) => await _app.PublishAsync($"Queue for {team} with position", new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new AssignToStep { Id = "assign", TeamId = await _app.TeamIdAsync(team), Strategy = AssignmentStrategy.RoundRobin, OnlineOnly = true, RespectCapacity = true, QueueWhenNobodyAvailable = true })
        .Add(new SendMessageStep { Id = "position", Text = "You are number {{queue.position}} in line." })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "assign")
        .Connect("assign", Outcomes.Assigned, "end")
        .Connect("assign", Outcomes.NobodyAvailable, "position")
        .Connect("position", Outcomes.Next, "end"));

    [Fact]
    public async Task A_queued_conversation_an_agent_assigns_by_hand_leaves_the_queue_and_no_longer_counts_in_positions()
    {
        await PublishQueueWithPositionAsync("Sales");
        var first = await NewConversationAsync();
        Assert.Equal("You are number 1 in line.", await _app.WorkflowMessageAsync(first, "in line"));
        await using var admin = await InboxUser.SignInAsync(_app, "admin@inbound.local");
        var ana = await _app.AgentIdAsync("ana@inbound.local");

        var assigned = await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{first}/reassign", new { agentId = ana });
        assigned.EnsureSuccessStatusCode();

        await Eventually.TrueAsync(() => _app.QueryAsync(db => db.TeamQueue.AllAsync(q => q.ConversationId != first)), "the assigned conversation to leave the queue");
        var second = await NewConversationAsync();
        Assert.Equal("You are number 1 in line.", await _app.WorkflowMessageAsync(second, "in line"));
    }

    [Fact]
    public async Task A_queued_conversation_that_is_closed_leaves_the_queue()
    {
        await PublishQueueWithPositionAsync("Sales");
        var first = await NewConversationAsync();
        await _app.WorkflowMessageAsync(first, "in line");

        await _app.CloseConversationAsync(first);

        await Eventually.TrueAsync(() => _app.QueryAsync(db => db.TeamQueue.AllAsync(q => q.ConversationId != first)), "the closed conversation to leave the queue");
        var second = await NewConversationAsync();
        Assert.Equal("You are number 1 in line.", await _app.WorkflowMessageAsync(second, "in line"));
    }

    [Fact]
    public async Task Closing_a_conversation_starts_the_closed_triggered_workflow()
    {
        await _app.PublishAsync("After closing", TagOn(new ConversationClosedTrigger { Id = "trigger" }, "followed-up"));
        var conversationId = await NewConversationAsync();

        await _app.CloseConversationAsync(conversationId);

        await Eventually.TrueAsync(() => HasTagAsync(conversationId, "followed-up"), "the closed-triggered run to tag the contact");
    }

    [Fact]
    public async Task Closing_a_conversation_frees_the_agents_capacity_for_the_oldest_queued_one()
    {
        await _app.SetCapacityAsync("ben@inbound.local", 1);
        await _app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        await PublishQueueingAssignToAsync("Support");
        var first = await NewConversationAsync();
        await _app.AssignedConversationAsync(first);
        var second = await NewConversationAsync();
        var third = await NewConversationAsync();
        await Eventually.TrueAsync(async () => await _app.QueryAsync(db => db.TeamQueue.CountAsync()) == 2, "two conversations to be queued");

        await _app.CloseConversationAsync(first);

        var next = await _app.AssignedConversationAsync(second);
        Assert.Equal(await _app.AgentIdAsync("ben@inbound.local"), next.AssigneeId);
        Assert.True(await _app.QueryAsync(db => db.TeamQueue.AnyAsync(q => q.ConversationId == third)), "the newer one keeps waiting");
    }

    [Fact]
    public async Task An_agent_joining_the_team_takes_its_queued_conversation()
    {
        await _app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        await PublishQueueingAssignToAsync("Billing");
        var conversationId = await NewConversationAsync();
        await Eventually.TrueAsync(() => _app.QueryAsync(db => db.TeamQueue.AnyAsync(q => q.ConversationId == conversationId)), "the conversation to be queued");

        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync())
        {
            var billing = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Name == "Billing");
            billing.AddMember(await _app.AgentIdAsync("ana@inbound.local"), DateTime.UtcNow);
            await db.SaveAndPublishAsync(_app.Services.GetRequiredService<IDomainEventPublisher>());
        }

        var assigned = await _app.AssignedConversationAsync(conversationId);
        Assert.Equal(await _app.AgentIdAsync("ana@inbound.local"), assigned.AssigneeId);
    }
}
