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
        ChangeAsync(conversationId, c => c.AssignTo(agentId, teamId, DateTime.UtcNow));

    public Task RouteAsync(Guid conversationId, Guid teamId) =>
        ChangeAsync(conversationId, c => c.RouteToTeam(teamId, DateTime.UtcNow));

    public async Task<Guid> TeamIdAsync(string name) =>
        await app.QueryAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    public async Task<Guid> OpenAssignedAsync(InboxUser agent, string team, string? contactName = null)
    {
        var id = await OpenAsync(contactName);
        await AssignAsync(id, agent.AgentId, await TeamIdAsync(team));
        return id;
    }

    private async Task ChangeAsync(Guid conversationId, Action<Inbound.Domain.Conversations.Conversation> change)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
        change(conversation);
        await db.SaveAndPublishAsync(app.Services.GetRequiredService<IDomainEventPublisher>());
    }
}
