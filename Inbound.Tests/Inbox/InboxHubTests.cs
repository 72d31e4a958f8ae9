using System.Net;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Inbox;

public class InboxHubTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task An_agent_hears_of_their_own_assignment_and_not_of_another_agents()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var ben = await InboxUser.SignInAsync(app, "ben@inbound.local");
        var anaLive = await ana.ConnectAsync();
        var benLive = await ben.ConnectAsync();

        var forBen = await _conversations.OpenAssignedAsync(ben, "Support");
        await benLive.WaitForAsync(e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == forBen);
        var forAna = await _conversations.OpenAssignedAsync(ana, "Sales");
        var assigned = await anaLive.WaitForAsync(e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == forAna);

        Assert.Equal(ana.AgentId, assigned.AgentId);
        Assert.True(assigned.Sequence > 0);
        // Ana's events arrive in order: had Ben's assignment reached her, it would be here before her own.
        Assert.DoesNotContain(anaLive.Received, e => e.ConversationId == forBen);
    }

    [Fact]
    public async Task Events_of_one_conversation_carry_a_growing_sequence()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var live = await ana.ConnectAsync();
        var id = await _conversations.OpenAssignedAsync(ana, "Sales");
        var assigned = await live.WaitForAsync(e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == id);

        using var reply = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = "Hi, how can I help?" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var message = (await reply.Content.ReadFromJsonAsync<CreatedResponse>())!.Id;
        // The event of this reply, not of a message the workflow or the contact wrote before the assignment.
        var added = await live.WaitForAsync(e => e.Kind == InboxEventKinds.MessageAdded && e.MessageId == message);

        Assert.True(added.Sequence > assigned.Sequence);
    }

    [Fact]
    public async Task A_client_that_was_disconnected_re_reads_its_conversations_and_finds_what_it_missed()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var live = await ana.ConnectAsync();
        var adminLive = await admin.ConnectAsync();
        await live.Connection.StopAsync();

        var missed = await _conversations.OpenAssignedAsync(ana, "Sales");
        // Once the admin has heard of it, the event has gone out while Ana was away.
        await adminLive.WaitForAsync(e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == missed);
        await live.Connection.StartAsync();
        var mine = await live.Connection.InvokeAsync<IReadOnlyList<ConversationSummary>>("GetConversations", InboxFilter.Mine);

        Assert.DoesNotContain(live.Received, e => e.ConversationId == missed);
        Assert.Contains(mine, c => c.Id == missed && c.AssigneeId == ana.AgentId);
    }

    [Fact]
    public async Task An_agent_cannot_join_another_teams_group_but_can_join_their_own()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var live = await ana.ConnectAsync();

        var support = await _conversations.TeamIdAsync("Support");
        var refused = await Assert.ThrowsAsync<HubException>(() => live.Connection.InvokeAsync("JoinTeam", support));
        await live.Connection.InvokeAsync("JoinTeam", await _conversations.TeamIdAsync("Sales"));

        Assert.Contains("not a member", refused.Message);
    }

    [Fact]
    public async Task An_agent_does_not_hear_another_teams_queue()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var ben = await InboxUser.SignInAsync(app, "ben@inbound.local");
        var anaLive = await ana.ConnectAsync();
        var benLive = await ben.ConnectAsync();

        var support = await _conversations.OpenAsync();
        await _conversations.RouteAsync(support, await _conversations.TeamIdAsync("Support"));
        await benLive.WaitForAsync(e => e.Kind == InboxEventKinds.QueueChanged && e.ConversationId == support);
        var sales = await _conversations.OpenAsync();
        await _conversations.RouteAsync(sales, await _conversations.TeamIdAsync("Sales"));
        await anaLive.WaitForAsync(e => e.Kind == InboxEventKinds.QueueChanged && e.ConversationId == sales);

        Assert.DoesNotContain(anaLive.Received, e => e.ConversationId == support);
    }

    [Fact]
    public async Task An_agent_cannot_read_another_agents_conversation_through_the_hub()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var ben = await InboxUser.SignInAsync(app, "ben@inbound.local");
        var forBen = await _conversations.OpenAssignedAsync(ben, "Support");
        var forAna = await _conversations.OpenAssignedAsync(ana, "Sales");
        var live = await ana.ConnectAsync();

        await Assert.ThrowsAsync<HubException>(() => live.Connection.InvokeAsync<ConversationThread>("GetConversation", forBen));
        var own = await live.Connection.InvokeAsync<ConversationThread>("GetConversation", forAna);

        Assert.Equal(forAna, own.Id);
    }

    [Fact]
    public async Task A_supervisor_hears_their_teams_conversations_and_an_admin_hears_all()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var supervisor = await InboxUser.SignInAsync(app, "supervisor@inbound.local");
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var supervisorLive = await supervisor.ConnectAsync();
        var adminLive = await admin.ConnectAsync();

        var id = await _conversations.OpenAssignedAsync(ana, "Sales");

        await supervisorLive.WaitForAsync(e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == id);
        await adminLive.WaitForAsync(e => e.Kind == InboxEventKinds.ConversationAssigned && e.ConversationId == id);
    }

    [Fact]
    public async Task The_hub_refuses_connections_without_a_valid_token()
    {
        foreach (var token in new[] { null, "inb_not-a-real-token" })
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(app.BaseAddress, "hubs/inbox"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult(token);
                })
                .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
                .Build();
            await using (connection)
            {
                var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
                Assert.Contains("401", error.ToString());
            }
        }
    }

    [Fact]
    public async Task Changing_availability_is_heard_by_the_agent_and_by_supervisors()
    {
        await using var carla = await InboxUser.SignInAsync(app, "carla@inbound.local");
        await using var supervisor = await InboxUser.SignInAsync(app, "supervisor@inbound.local");
        var carlaLive = await carla.ConnectAsync();
        var supervisorLive = await supervisor.ConnectAsync();

        using var response = await carla.Http().PutAsJsonAsync("api/inbox/me/availability", new { availability = "Away" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await carlaLive.WaitForAsync(e => e.Kind == InboxEventKinds.AvailabilityChanged && e.AgentId == carla.AgentId);
        await supervisorLive.WaitForAsync(e => e.Kind == InboxEventKinds.AvailabilityChanged && e.AgentId == carla.AgentId);
        var me = await carla.Http().GetFromJsonAsync<MeResponse>("api/inbox/me", ApiJson.Options);
        Assert.Equal(Inbound.Domain.Agents.AgentAvailability.Away, me!.Availability);
    }
}
