using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Inbound.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Workflows;

/// <summary>What workflow tests do to the app: change agents as the inbox does, look at runs and messages, publish workflows.</summary>
public static class WorkflowTestApp
{
    public static async Task SetAvailabilityAsync(this InboundApp app, string email, AgentAvailability availability)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var agent = await db.Agents.SingleAsync(a => a.Email == email);
        agent.SetAvailability(availability, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await db.SaveAndPublishAsync(app.Services.GetRequiredService<IDomainEventPublisher>());
    }

    public static async Task SetCapacityAsync(this InboundApp app, string email, int capacity)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var agent = await db.Agents.SingleAsync(a => a.Email == email);
        agent.SetCapacity(capacity, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await db.SaveAndPublishAsync(app.Services.GetRequiredService<IDomainEventPublisher>());
    }

    public static Task<Guid> AgentIdAsync(this InboundApp app, string email) =>
        app.QueryAsync(db => db.Agents.Where(a => a.Email == email).Select(a => a.Id).SingleAsync());

    public static Task<Guid> TeamIdAsync(this InboundApp app, string name) =>
        app.QueryAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    /// <summary>Waits until the conversation's assignment is watched for a reply (a step that reassigns when silent).</summary>
    public static Task WatchArmedAsync(this InboundApp app, Guid conversationId) =>
        Eventually.TrueAsync(() => app.QueryAsync(db => db.Set<Inbound.Domain.Assignment.InactivityWatch>().AnyAsync(w => w.ConversationId == conversationId)),
            "the assignment to be watched");

    public static WorkflowService Workflows(this InboundApp app) => app.Services.GetRequiredService<WorkflowService>();

    /// <summary>Waits until the workflow has sent the contact a message containing the text, and returns it.</summary>
    public static Task<string> WorkflowMessageAsync(this InboundApp app, Guid conversationId, string containing) =>
        Eventually.GetAsync(() => app.QueryAsync(db => db.Messages
            .Where(m => m.ConversationId == conversationId && m.AuthorKind == AuthorKind.Workflow && m.Direction == MessageDirection.Outbound && m.Body.Contains(containing))
            .Select(m => m.Body).FirstOrDefaultAsync()), $"a workflow message containing \"{containing}\"");

    public static Task<Conversation> AssignedConversationAsync(this InboundApp app, Guid conversationId) =>
        Eventually.GetAsync(() => app.QueryAsync(db => db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId && c.AssigneeId != null)),
            "the conversation to be assigned");

    public static Task<WorkflowRun> RunAsync(this InboundApp app, Guid conversationId, Func<WorkflowRun, bool> until, string what) =>
        Eventually.GetAsync(async () => (await app.QueryAsync(db => db.WorkflowRuns.AsNoTracking().Where(r => r.ConversationId == conversationId).ToListAsync()))
            .FirstOrDefault(until), what);

    /// <summary>Closes a conversation as an agent does, publishing the event.</summary>
    public static async Task CloseConversationAsync(this InboundApp app, Guid conversationId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
        conversation.Close(new ClosingNote("Resolved", "Helped"), conversation.AssigneeId, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await db.SaveAndPublishAsync(app.Services.GetRequiredService<IDomainEventPublisher>());
    }

    /// <summary>trigger (conversation opened) → assign to the team → end: a workflow that assigns straight away.</summary>
    public static WorkflowDefinition AssignStraightAway(Guid teamId, bool queue = false) => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new AssignToStep { Id = "assign", TeamId = teamId, Strategy = AssignmentStrategy.RoundRobin, OnlineOnly = true, RespectCapacity = true, QueueWhenNobodyAvailable = queue })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "assign")
        .Connect("assign", Outcomes.Assigned, "end")
        .Connect("assign", Outcomes.NobodyAvailable, "end");

    public static async Task<Guid> PublishAsync(this InboundApp app, string name, WorkflowDefinition definition)
    {
        var created = await app.Workflows().CreateBlankAsync(name);
        await app.Workflows().SaveDraftAsync(created.Id, definition);
        var result = await app.Workflows().PublishAsync(created.Id);
        Assert.True(result!.Published, string.Join("; ", result.Issues.Select(i => i.Message)));
        return created.Id;
    }
}
