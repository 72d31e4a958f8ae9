using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Infrastructure;

/// <summary>Builds conversations the way the product does: a contact writes in, then the workflow assigns or routes it.</summary>
public sealed class Conversations(InboundApp app)
{
    private readonly ChannelClient _channel = new(app.CreateHttpClient());

    public async Task<Guid> OpenAsync(string? contactName = null, string text = "Hello, I need help")
    {
        var response = await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", text, contactName ?? "Test Contact");
        return response.ConversationId;
    }

    /// <summary>Assigns as the workflow engine does: the domain method, then commit and publish.</summary>
    public Task AssignAsync(Guid conversationId, Guid agentId, Guid? teamId = null) =>
        ChangeAsync(conversationId, c => c.AssignTo(agentId, teamId, Now));

    public Task RouteAsync(Guid conversationId, Guid teamId) =>
        ChangeAsync(conversationId, c => c.RouteToTeam(teamId, Now));

    /// <summary>A workflow's reply to the contact, stored as the engine stores it.</summary>
    public Task WorkflowReplyAsync(Guid conversationId, string text) =>
        ChangeAsync(conversationId, (c, db) => db.Messages.Add(c.Reply(Inbound.Domain.Conversations.AuthorKind.Workflow, null, text, Now)));

    /// <summary>Queues it in a team's queue since <paramref name="since"/>, its last message the workflow's queue notice.</summary>
    /// <summary>The app's clock, which tests may shift or hold: times written here must agree with the ones the app shows.</summary>
    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    public Task QueueWithNoticeAsync(Guid conversationId, Guid teamId, TimeSpan queuedFor, string notice) =>
        ChangeAsync(conversationId, (c, db) =>
        {
            c.RouteToTeam(teamId, Now - queuedFor);
            db.Messages.Add(c.Reply(Inbound.Domain.Conversations.AuthorKind.Workflow, null, notice, Now));
        });

    public async Task<Guid> TeamIdAsync(string name) =>
        await app.QueryAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    public async Task<Guid> OpenAssignedAsync(InboxUser agent, string team, string? contactName = null)
    {
        var id = await OpenAsync(contactName);
        await AssignAsync(id, agent.AgentId, await TeamIdAsync(team));
        return id;
    }

    private Task ChangeAsync(Guid conversationId, Action<Inbound.Domain.Conversations.Conversation> change) =>
        ChangeAsync(conversationId, (c, _) => change(c));

    private async Task ChangeAsync(Guid conversationId, Action<Inbound.Domain.Conversations.Conversation, InboundDbContext> change)
    {
        // Like the inbox's own commands, a change that meets a concurrent writer (the workflow run, the SLA check)
        // is applied again on fresh state.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
            var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
            change(conversation, db);
            try
            {
                await db.SaveAndPublishAsync(app.Services.GetRequiredService<IDomainEventPublisher>());
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
        }
    }
}
