using System.Net;
using Inbound.Domain.Agents;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Admin;

public class DeactivationTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task Deactivating_an_agent_closes_their_hub_connection_returns_their_three_conversations_to_the_next_free_agent_and_stops_their_token()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await using var ben = await InboxUser.SignInAsync(app, "ben@inbound.local");
        await using var carla = await InboxUser.SignInAsync(app, "carla@inbound.local");
        var bens = new List<Guid>();
        for (var i = 0; i < 3; i++) bens.Add(await _conversations.OpenAssignedAsync(ben, "Support", $"Support contact {i}"));
        await (await carla.Http().PutAsJsonAsync("api/inbox/me/availability", new { availability = "Online" })).JsonAsync(HttpStatusCode.NoContent);
        var live = await ben.ConnectAsync();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        var benUserId = await app.QueryAsync(db => db.Users.Where(u => u.Email == ben.Email).Select(u => u.Id).SingleAsync());

        var result = await (await admin.Http().PostAsync($"api/admin/users/{benUserId}/deactivate", null)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, result.GetProperty("returnedToQueue").GetInt32());
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, live.Connection.State);
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.Conversations.CountAsync(c => bens.Contains(c.Id) && c.AssigneeId == carla.AgentId).ContinueWith(t => t.Result == 3)),
            "Ben's three conversations assigned to Carla from the Support queue");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ben.Http().GetAsync("api/inbox/me")).StatusCode);
        Assert.Equal(AgentAvailability.Offline, await app.QueryAsync(db => db.Agents.Where(a => a.Id == ben.AgentId).Select(a => a.Availability).SingleAsync()));

        // Reactivated, the same token works again: the account, not the token, was stopped.
        await (await admin.Http().PostAsync($"api/admin/users/{benUserId}/reactivate", null)).JsonAsync(HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.OK, (await ben.Http().GetAsync("api/inbox/me")).StatusCode);
    }
}
