using System.Net;
using System.Net.Http.Json;
using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Web.Accounts;
using Inbound.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Workflows;

/// <summary>
/// Every change that frees an agent's capacity hands the oldest queued conversation to them at once, through the
/// endpoint a person uses. Setup: Support (Ben, capacity 1, online; Carla offline) with a workflow that queues when busy;
/// Ben has the first conversation, the second waits in the queue.
/// </summary>
public class QueueDrainTests : IAsyncLifetime
{
    /// <summary>The promise of the issue: the freed agent gets the oldest queued conversation within a second.</summary>
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    private readonly InboundApp _app = new NoWorkflowsApp();
    private ChannelClient _channel = null!;
    private Guid _first;
    private Guid _second;
    private Guid _ben;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _channel = new ChannelClient(_app.CreateHttpClient());
        _ben = await _app.AgentIdAsync("ben@inbound.local");
        await _app.SetCapacityAsync("ben@inbound.local", 1);
        await _app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        await _app.PublishAsync("Queue for Support", WorkflowTestApp.AssignStraightAway(await _app.TeamIdAsync("Support"), queue: true));
        _first = await NewConversationAsync();
        Assert.Equal(_ben, (await _app.AssignedConversationAsync(_first)).AssigneeId);
        _second = await NewConversationAsync();
        await Eventually.TrueAsync(() => IsQueuedAsync(_second), "the second conversation to wait in the queue");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task<Guid> NewConversationAsync() =>
        (await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello")).ConversationId;

    private Task<bool> IsQueuedAsync(Guid conversationId) => _app.QueryAsync(db => db.TeamQueue.AnyAsync(q => q.ConversationId == conversationId));

    private Task<Guid?> AssigneeAsync(Guid conversationId) =>
        _app.QueryAsync(db => db.Conversations.Where(c => c.Id == conversationId).Select(c => c.AssigneeId).SingleAsync());

    private Task GoesToAsync(Guid conversationId, Guid agentId, string trigger) =>
        Eventually.TrueAsync(async () => await AssigneeAsync(conversationId) == agentId, $"the queued conversation to go to the freed agent after {trigger}", WithinASecond);

    private async Task UpdateUserAsync(string email, string[] teams, int capacity)
    {
        var teamIds = new List<Guid>();
        foreach (var team in teams) teamIds.Add(await _app.TeamIdAsync(team));
        await using var admin = await InboxUser.SignInAsync(_app, "admin@inbound.local");
        (await admin.Http().PutAsJsonAsync($"api/admin/users/{await UserIdAsync(email)}", new { role = Roles.Agent, teamIds, capacity })).EnsureSuccessStatusCode();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<InboundUser>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task Closing_a_conversation_gives_the_agent_the_oldest_queued_one()
    {
        await using var ben = await InboxUser.SignInAsync(_app, "ben@inbound.local");

        (await ben.Http().PostAsJsonAsync($"api/inbox/conversations/{_first}/close", new { category = "Resolved", summary = "Done" })).EnsureSuccessStatusCode();

        await GoesToAsync(_second, _ben, "a close");
    }

    [Fact]
    public async Task Moving_a_conversation_back_to_the_queue_frees_the_agent_and_puts_it_in_line_behind_older_ones()
    {
        await using var ben = await InboxUser.SignInAsync(_app, "ben@inbound.local");

        (await ben.Http().PostAsJsonAsync($"api/inbox/conversations/{_first}/reassign", new { teamId = await _app.TeamIdAsync("Support") })).EnsureSuccessStatusCode();

        await GoesToAsync(_second, _ben, "an unassign");
        await Eventually.TrueAsync(() => IsQueuedAsync(_first), "the unassigned conversation to wait in its team's queue");
    }

    [Fact]
    public async Task Reassigning_a_conversation_away_frees_the_agent_for_the_queue()
    {
        await using var supervisor = await InboxUser.SignInAsync(_app, "supervisor@inbound.local");
        var carla = await _app.AgentIdAsync("carla@inbound.local");

        (await supervisor.Http().PostAsJsonAsync($"api/inbox/conversations/{_first}/reassign", new { agentId = carla })).EnsureSuccessStatusCode();

        await GoesToAsync(_second, _ben, "a reassignment away");
        Assert.Equal(carla, await AssigneeAsync(_first));
    }

    [Fact]
    public async Task Raising_an_agents_capacity_gives_them_the_queue()
    {
        await UpdateUserAsync("ben@inbound.local", ["Support"], capacity: 2);

        await GoesToAsync(_second, _ben, "a capacity raise");
    }

    [Fact]
    public async Task An_agent_coming_online_takes_the_oldest_queued_conversation()
    {
        await using var carla = await InboxUser.SignInAsync(_app, "carla@inbound.local");

        (await carla.Http().PutAsJsonAsync("api/inbox/me/availability", new { availability = "Online" })).EnsureSuccessStatusCode();

        await GoesToAsync(_second, carla.AgentId, "coming online");
    }

    [Fact]
    public async Task An_agent_added_to_the_team_takes_its_queue()
    {
        await _app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);

        await UpdateUserAsync("ana@inbound.local", ["Sales", "Support"], capacity: 5);

        await GoesToAsync(_second, await _app.AgentIdAsync("ana@inbound.local"), "joining the team");
    }

    [Fact]
    public async Task A_deactivated_agents_conversations_go_back_to_the_team_and_to_the_next_free_agent()
    {
        await _app.SetAvailabilityAsync("carla@inbound.local", AgentAvailability.Online);
        await Eventually.TrueAsync(async () => await AssigneeAsync(_second) is not null, "Carla to take the queued conversation");
        await using var admin = await InboxUser.SignInAsync(_app, "admin@inbound.local");

        (await admin.Http().PostAsync($"api/admin/users/{await UserIdAsync("ben@inbound.local")}/deactivate", null)).EnsureSuccessStatusCode();

        await GoesToAsync(_first, await _app.AgentIdAsync("carla@inbound.local"), "a deactivation");
    }

    [Fact]
    public async Task A_hand_assignment_respects_capacity_unless_a_supervisor_overrides_it_knowingly()
    {
        var third = await NewConversationAsync();
        await using var supervisor = await InboxUser.SignInAsync(_app, "supervisor@inbound.local");
        await using var carla = await InboxUser.SignInAsync(_app, "carla@inbound.local");
        await _app.SetAvailabilityAsync("carla@inbound.local", AgentAvailability.Online);
        await Eventually.TrueAsync(async () => await AssigneeAsync(_second) == carla.AgentId, "Carla to take the queued conversation");

        using var byAgent = await carla.Http().PostAsJsonAsync($"api/inbox/conversations/{_second}/reassign", new { agentId = _ben, overCapacity = true });
        using var unknowing = await supervisor.Http().PostAsJsonAsync($"api/inbox/conversations/{third}/reassign", new { agentId = _ben });
        using var knowing = await supervisor.Http().PostAsJsonAsync($"api/inbox/conversations/{third}/reassign", new { agentId = _ben, overCapacity = true });

        Assert.Equal(HttpStatusCode.BadRequest, byAgent.StatusCode);
        Assert.Contains("only a supervisor", (await byAgent.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, unknowing.StatusCode);
        Assert.Contains("1 of 1 open", (await unknowing.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(HttpStatusCode.NoContent, knowing.StatusCode);
        Assert.Equal(_ben, await AssigneeAsync(third));
        Assert.True(await _app.QueryAsync(db => db.Messages.AnyAsync(m => m.ConversationId == third && m.Body == "Assigned to Ben Agent by Sam Supervisor, over capacity (2 of 1 open)")));
    }
}
