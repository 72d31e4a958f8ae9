using System.Net;
using System.Text.Json;
using Inbound.Domain.Agents;
using Inbound.Tests.Admin;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Queues;

/// <summary>
/// api/queues as a supervisor's script would call it. Every demo agent starts offline and no workflow runs, so a
/// conversation routed to a team waits there until someone comes online.
/// </summary>
public class TeamQueuesApiTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly Conversations _conversations = new(app);

    [Theory]
    [InlineData("GET", "api/queues")]
    [InlineData("GET", "api/queues/{team}")]
    [InlineData("POST", "api/queues/{team}/conversations/{id}/assign")]
    [InlineData("POST", "api/queues/{team}/conversations/{id}/move")]
    [InlineData("PUT", "api/queues/{team}/agents/{id}/availability")]
    public async Task Agents_are_forbidden_every_queue_endpoint(string method, string path)
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var sales = await _conversations.TeamIdAsync("Sales");
        using var response = await ana.Http().SendAsync(new HttpRequestMessage(new HttpMethod(method),
            path.Replace("{team}", sales.ToString()).Replace("{id}", Guid.NewGuid().ToString()))
        {
            Content = method == "GET" ? null : JsonContent.Create(new { agentId = ana.AgentId, teamId = sales, availability = "Away" }),
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_supervisor_sees_only_their_teams_and_another_teams_queue_is_not_found()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await using var supervisor = await InboxUser.SignInAsync(app, "supervisor@inbound.local");
        var elsewhere = await admin.Http().CreateTeamAsync("Elsewhere");
        var waiting = await _conversations.OpenAsync("Far Away");
        await _conversations.RouteAsync(waiting, elsewhere);

        var mine = await (await supervisor.Http().GetAsync("api/queues")).JsonAsync(HttpStatusCode.OK);
        var all = await (await admin.Http().GetAsync("api/queues")).JsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain("Elsewhere", mine.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Contains("Elsewhere", all.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http().GetAsync($"api/queues/{elsewhere}")).StatusCode);
        var sales = await _conversations.TeamIdAsync("Sales");
        Assert.Equal(HttpStatusCode.NotFound,
            (await supervisor.Http().PostAsJsonAsync($"api/queues/{elsewhere}/conversations/{waiting}/move", new { teamId = sales })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await supervisor.Http().PutAsJsonAsync($"api/queues/{elsewhere}/agents/{supervisor.AgentId}/availability", new { availability = "Away" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http().GetAsync($"api/queues/{elsewhere}")).StatusCode);
    }

    [Fact]
    public async Task The_queue_lists_waiting_conversations_oldest_first_with_contact_channel_topic_and_position()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var team = await admin.Http().CreateTeamAsync("Lineup");
        var older = await _conversations.OpenAsync("Olga Older", "My parcel never arrived");
        var newer = await _conversations.OpenAsync("Nina Newer", "Can I change my address?");
        await _conversations.QueueWithNoticeAsync(older, team, TimeSpan.FromMinutes(7), "You are in line");
        await _conversations.QueueWithNoticeAsync(newer, team, TimeSpan.FromMinutes(2), "You are in line");

        var queue = await (await admin.Http().GetAsync($"api/queues/{team}")).JsonAsync(HttpStatusCode.OK);

        var rows = queue.GetProperty("waiting").EnumerateArray().ToList();
        Assert.Equal(["Olga Older", "Nina Newer"], rows.Select(r => r.GetProperty("contact").GetString()));
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("position").GetInt32()));
        Assert.Equal("My parcel never arrived", rows[0].GetProperty("topic").GetString());
        Assert.False(string.IsNullOrEmpty(rows[0].GetProperty("channel").GetString()));
        var summary = queue.GetProperty("team");
        Assert.Equal(2, summary.GetProperty("waiting").GetInt32());
        Assert.Equal(rows[0].GetProperty("waitingSince").GetDateTime(), summary.GetProperty("oldestWaitingSince").GetDateTime());
    }

    [Fact]
    public async Task A_card_counts_each_agents_open_conversations_against_capacity_and_their_last_reply()
    {
        await using var supervisor = await InboxUser.SignInAsync(app, "supervisor@inbound.local");
        await using var ben = await InboxUser.SignInAsync(app, "ben@inbound.local");
        var conversation = await _conversations.OpenAssignedAsync(ben, "Support", "Rita Replied");
        (await ben.Http().PostAsJsonAsync($"api/inbox/conversations/{conversation}/replies", new { text = "On it" })).EnsureSuccessStatusCode();

        var cards = await (await supervisor.Http().GetAsync("api/queues")).JsonAsync(HttpStatusCode.OK);

        var support = cards.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Support");
        var benLoad = support.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetGuid() == ben.AgentId);
        Assert.True(benLoad.GetProperty("open").GetInt32() >= 1);
        Assert.Equal(5, benLoad.GetProperty("capacity").GetInt32());
        Assert.Equal(JsonValueKind.String, benLoad.GetProperty("lastReplyAt").ValueKind);
    }

    [Fact]
    public async Task A_waiting_conversation_moved_to_another_team_waits_in_its_queue_and_goes_to_the_agent_who_comes_online_there()
    {
        // An admin, who supervises every team, including one nobody is in.
        await using var supervisor = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var billing = await _conversations.TeamIdAsync("Billing");
        var from = await supervisor.Http().CreateTeamAsync("Nobody Here");
        var conversation = await _conversations.OpenAsync("Moved Mo");
        await _conversations.RouteAsync(conversation, from);
        await Eventually.TrueAsync(() => QueuedInAsync(conversation, from), "the conversation to wait in its first team's queue");

        (await supervisor.Http().PostAsJsonAsync($"api/queues/{from}/conversations/{conversation}/move", new { teamId = billing })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => QueuedInAsync(conversation, billing), "the moved conversation to wait in the new team's queue");

        // Dev is in Billing and Sales; bringing him online drains Billing's queue, oldest first.
        var dev = await app.AgentIdAsync("dev@inbound.local");
        (await supervisor.Http().PutAsJsonAsync($"api/queues/{billing}/agents/{dev}/availability", new { availability = "Online" })).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(async () => await app.QueryAsync(db => db.Conversations.AnyAsync(c => c.Id == conversation && c.AssigneeId == dev)),
            "the moved conversation to go to the agent who came online in its new team");
        await app.SetAvailabilityAsync("dev@inbound.local", AgentAvailability.Offline);
    }

    [Fact]
    public async Task Forcing_an_agent_away_keeps_their_open_conversations_and_stops_new_ones()
    {
        await using var supervisor = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await using var carla = await InboxUser.SignInAsync(app, "carla@inbound.local");
        var team = await supervisor.Http().CreateTeamAsync("Late Shift");
        (await supervisor.Http().PutAsync($"api/admin/teams/{team}/members/{carla.AgentId}", null)).EnsureSuccessStatusCode();
        await app.SetAvailabilityAsync("carla@inbound.local", AgentAvailability.Online);
        var kept = await _conversations.OpenAsync("Kept Kim");
        await _conversations.RouteAsync(kept, team);
        await Eventually.TrueAsync(() => AssignedToAsync(kept, carla.AgentId), "the first conversation to go to Carla while she is online");

        (await supervisor.Http().PutAsJsonAsync($"api/queues/{team}/agents/{carla.AgentId}/availability", new { availability = "Away" })).EnsureSuccessStatusCode();
        var next = await _conversations.OpenAsync("Next Ned");
        await _conversations.RouteAsync(next, team);

        await Eventually.TrueAsync(() => QueuedInAsync(next, team), "the new conversation to wait in the queue");
        Assert.True(await AssignedToAsync(kept, carla.AgentId));
        Assert.False(await AssignedToAsync(next, carla.AgentId));
        Assert.Equal(AgentAvailability.Away, await app.QueryAsync(db => db.Agents.Where(a => a.Id == carla.AgentId).Select(a => a.Availability).SingleAsync()));
    }

    private Task<bool> QueuedInAsync(Guid conversationId, Guid teamId) =>
        app.QueryAsync(db => db.TeamQueue.AnyAsync(q => q.ConversationId == conversationId && q.TeamId == teamId));

    private Task<bool> AssignedToAsync(Guid conversationId, Guid agentId) =>
        app.QueryAsync(db => db.Conversations.AnyAsync(c => c.Id == conversationId && c.AssigneeId == agentId));
}
