using Inbound.Domain.Agents;
using Inbound.Tests.Workflows;
using Inbound.Web.Inbox.Live;
using Inbound.Web.Inbox.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Inbox;

/// <summary>
/// Presence from connections: Ben (Support, online) closes his last hub connection; after the one-minute grace period
/// he is away and gets nothing new, and online again when he reconnects. Supervisors see it live.
/// </summary>
public class PresenceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InboundApp _app;

    public PresenceTests() => _app = new NoWorkflowsApp().With("Presence:GracePeriod", "00:01:00").WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        await _app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        await _app.PublishAsync("Queue for Support", WorkflowTestApp.AssignStraightAway(await _app.TeamIdAsync("Support"), queue: true));
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    /// <summary>A closed client is noticed by the server a moment later; the clock moves only once it has been.</summary>
    private Task ConnectionsAsync(Guid agentId, int count) =>
        Eventually.TrueAsync(() => Task.FromResult(_app.Services.GetRequiredService<AgentPresence>().Connections(agentId) == count), $"{count} connections");

    private Task<AgentAvailability> AvailabilityAsync(Guid agentId) =>
        _app.QueryAsync(db => db.Agents.Where(a => a.Id == agentId).Select(a => a.Availability).SingleAsync());

    [Fact]
    public async Task An_agent_whose_last_connection_is_gone_past_the_grace_period_is_away_and_back_online_on_return()
    {
        await using var ben = await InboxUser.SignInAsync(_app, "ben@inbound.local");
        await using var supervisor = await InboxUser.SignInAsync(_app, "supervisor@inbound.local");
        var watching = await supervisor.ConnectAsync();
        var first = await ben.ConnectAsync();
        var second = await ben.ConnectAsync();

        await second.Connection.DisposeAsync();
        await ConnectionsAsync(ben.AgentId, 1);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(AgentAvailability.Online, await AvailabilityAsync(ben.AgentId));

        await first.Connection.DisposeAsync();
        await ConnectionsAsync(ben.AgentId, 0);
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(AgentAvailability.Online, await AvailabilityAsync(ben.AgentId));
        _clock.Advance(TimeSpan.FromSeconds(2));

        await Eventually.TrueAsync(async () => await AvailabilityAsync(ben.AgentId) == AgentAvailability.Away, "Ben to become away");
        await watching.WaitForAsync(e => e.Kind == InboxEventKinds.AvailabilityChanged && e.AgentId == ben.AgentId);
        var channel = new ChannelClient(_app.CreateHttpClient());
        var waiting = (await channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello?")).ConversationId;
        await Eventually.TrueAsync(() => _app.QueryAsync(db => db.TeamQueue.AnyAsync(q => q.ConversationId == waiting)), "the new conversation to wait in the queue");

        await ben.ConnectAsync();

        await Eventually.TrueAsync(async () => await AvailabilityAsync(ben.AgentId) == AgentAvailability.Online, "Ben to be online again");
        Assert.Equal(ben.AgentId, (await _app.AssignedConversationAsync(waiting)).AssigneeId);
    }

    [Fact]
    public async Task An_agent_who_chose_to_be_offline_is_not_brought_back_online_by_connecting()
    {
        await _app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Offline);
        await using var ben = await InboxUser.SignInAsync(_app, "ben@inbound.local");

        var live = await ben.ConnectAsync();
        await live.Connection.DisposeAsync();
        await ConnectionsAsync(ben.AgentId, 0);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await ben.ConnectAsync();

        Assert.Equal(AgentAvailability.Offline, await AvailabilityAsync(ben.AgentId));
    }
}
