using System.Net;
using Inbound.Domain.Conversations;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Inbox;

public class InboxApiTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly Conversations _conversations = new(app);

    private static async Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxUser user, string filter, string? search = null) =>
        (await user.Http().GetFromJsonAsync<List<ConversationSummary>>(
            $"api/inbox/conversations?filter={filter}{(search is null ? "" : $"&search={Uri.EscapeDataString(search)}")}", ApiJson.Options))!;

    [Fact]
    public async Task An_agent_lists_their_own_conversations_and_their_teams_queue_only()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var ben = await InboxUser.SignInAsync(app, "ben@inbound.local");
        var anas = await _conversations.OpenAssignedAsync(ana, "Sales");
        var bens = await _conversations.OpenAssignedAsync(ben, "Sales");
        var salesQueue = await _conversations.OpenAsync();
        await _conversations.RouteAsync(salesQueue, await _conversations.TeamIdAsync("Sales"));
        var supportQueue = await _conversations.OpenAsync();
        await _conversations.RouteAsync(supportQueue, await _conversations.TeamIdAsync("Support"));

        var mine = (await ListAsync(ana, "Mine")).Select(c => c.Id).ToList();
        var queue = (await ListAsync(ana, "Queue")).Select(c => c.Id).ToList();
        var all = (await ListAsync(ana, "All")).Select(c => c.Id).ToList();

        Assert.Contains(anas, mine);
        Assert.DoesNotContain(bens, mine);
        Assert.Contains(salesQueue, queue);
        Assert.DoesNotContain(supportQueue, queue);
        Assert.DoesNotContain(bens, all);
        Assert.DoesNotContain(supportQueue, all);
    }

    [Fact]
    public async Task An_agent_cannot_read_or_change_another_agents_conversation()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var ben = await InboxUser.SignInAsync(app, "ben@inbound.local");
        var bens = await _conversations.OpenAssignedAsync(ben, "Support");
        var http = ana.Http();

        var responses = new[]
        {
            await http.GetAsync($"api/inbox/conversations/{bens}"),
            await http.PostAsJsonAsync($"api/inbox/conversations/{bens}/replies", new { text = "Not mine" }),
            await http.PostAsJsonAsync($"api/inbox/conversations/{bens}/notes", new { text = "Not mine" }),
            await http.PostAsJsonAsync($"api/inbox/conversations/{bens}/close", new { category = "Resolved", summary = "Not mine" }),
            await http.PostAsJsonAsync($"api/inbox/conversations/{bens}/reassign", new { agentId = ana.AgentId }),
        };

        Assert.All(responses, r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        var stored = await app.QueryAsync(db => db.Conversations.SingleAsync(c => c.Id == bens));
        Assert.Equal(ben.AgentId, stored.AssigneeId);
        Assert.True(stored.IsOpen);
        Assert.Equal(1, await app.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == bens)));
    }

    [Fact]
    public async Task A_supervisor_sees_their_teams_but_not_a_conversation_outside_them_which_an_admin_sees()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var supervisor = await InboxUser.SignInAsync(app, "supervisor@inbound.local");
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var inTeam = await _conversations.OpenAssignedAsync(ana, "Sales");
        var noTeam = await _conversations.OpenAsync();
        await _conversations.AssignAsync(noTeam, ana.AgentId);

        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http().GetAsync($"api/inbox/conversations/{inTeam}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http().GetAsync($"api/inbox/conversations/{noTeam}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http().GetAsync($"api/inbox/conversations/{noTeam}")).StatusCode);
        Assert.Contains(noTeam, (await ListAsync(admin, "All")).Select(c => c.Id));
        Assert.DoesNotContain(noTeam, (await ListAsync(supervisor, "All")).Select(c => c.Id));
    }

    [Fact]
    public async Task A_reply_is_stored_outbound_and_handed_to_the_channel_sender()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var id = await _conversations.OpenAssignedAsync(ana, "Sales");

        using var response = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = "Happy to help!" });
        var created = await response.Content.ReadFromJsonAsync<CreatedResponse>();
        var thread = await ana.Http().GetFromJsonAsync<ConversationThread>($"api/inbox/conversations/{id}", ApiJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reply = Assert.Single(thread!.Entries, e => e.Id == created!.Id);
        Assert.Equal(MessageDirection.Outbound, reply.Direction);
        Assert.Equal("Ana Agent", reply.AuthorName);
        // The outbox hands it to the channel's sender after the reply commits.
        await Eventually.TrueAsync(async () =>
            (await ana.Http().GetFromJsonAsync<ConversationThread>($"api/inbox/conversations/{id}", ApiJson.Options))!
                .Entries.Single(e => e.Id == created!.Id).DeliveryStatus == DeliveryStatus.Sent, "the reply to be sent");
    }

    [Fact]
    public async Task A_note_stays_internal_and_an_empty_message_is_refused()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var id = await _conversations.OpenAssignedAsync(ana, "Sales");

        using var note = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/notes", new { text = "VIP customer" });
        using var empty = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = "  " });
        var thread = await ana.Http().GetFromJsonAsync<ConversationThread>($"api/inbox/conversations/{id}", ApiJson.Options);

        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        Assert.Contains(thread!.Entries, e => e.Direction == MessageDirection.InternalNote && e.Body == "VIP customer");
    }

    [Fact]
    public async Task Closing_needs_a_category_from_the_list_and_moves_the_conversation_to_closed()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var id = await _conversations.OpenAssignedAsync(ana, "Sales");

        using var unknown = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/close", new { category = "Whatever", summary = "Done" });
        using var noSummary = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/close", new { category = "Resolved", summary = "" });
        using var closed = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/close", new { category = "Resolved", summary = "Explained the pricing" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noSummary.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.DoesNotContain(id, (await ListAsync(ana, "Mine")).Select(c => c.Id));
        Assert.Contains(id, (await ListAsync(ana, "Closed")).Select(c => c.Id));
        var stored = await app.QueryAsync(db => db.Conversations.SingleAsync(c => c.Id == id));
        Assert.Equal("Explained the pricing", stored.ClosingNote!.Summary);
        Assert.Equal(ana.AgentId, stored.ClosedById);
    }

    [Fact]
    public async Task Reassigning_to_another_agent_hands_it_over_with_a_system_event_in_the_thread()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var dev = await InboxUser.SignInAsync(app, "dev@inbound.local");
        var id = await _conversations.OpenAssignedAsync(ana, "Sales");
        var devLive = await dev.ConnectAsync();

        using var response = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/reassign", new { agentId = dev.AgentId });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await devLive.WaitForAsync(e => e.Kind == Web.Inbox.Live.InboxEventKinds.ConversationAssigned && e.ConversationId == id);
        Assert.Equal(HttpStatusCode.NotFound, (await ana.Http().GetAsync($"api/inbox/conversations/{id}")).StatusCode);
        var thread = await dev.Http().GetFromJsonAsync<ConversationThread>($"api/inbox/conversations/{id}", ApiJson.Options);
        Assert.Contains(thread!.Entries, e => e.IsSystemEvent && e.Body == "Assigned to Dev Agent by Ana Agent");
    }

    [Fact]
    public async Task Reassigning_to_a_team_puts_it_in_that_teams_queue()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var carla = await InboxUser.SignInAsync(app, "carla@inbound.local");
        var id = await _conversations.OpenAssignedAsync(ana, "Sales");

        using var response = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/reassign",
            new { teamId = await _conversations.TeamIdAsync("Billing") });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(id, (await ListAsync(carla, "Queue")).Select(c => c.Id));
    }

    [Fact]
    public async Task Search_finds_conversations_by_contact_name_and_unread_counts_inbound_messages()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var name = $"Zoe {Guid.NewGuid():N}"[..12];
        var id = await _conversations.OpenAsync(name);
        await _conversations.AssignAsync(id, ana.AgentId, await _conversations.TeamIdAsync("Sales"));

        var found = Assert.Single(await ListAsync(ana, "Mine", name));

        Assert.Equal(id, found.Id);
        Assert.Equal(1, found.Unread);
        Assert.NotNull(found.WaitingSince);
        Assert.Equal("Hello, I need help", found.LastMessage);
    }

    [Fact]
    public async Task A_queued_conversation_waits_since_it_was_queued_though_the_workflows_notice_came_last()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var name = $"Quinn {Guid.NewGuid():N}"[..14];
        var id = await _conversations.OpenAsync(name);
        var queuedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddMinutes(-12);
        await _conversations.QueueWithNoticeAsync(id, await _conversations.TeamIdAsync("Sales"), TimeSpan.FromMinutes(12), "You are number 1 in line.");

        var queued = Assert.Single(await ListAsync(ana, "Queue", name));

        Assert.Equal(queuedAt, queued.WaitingSince!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(AuthorKind.Workflow, queued.LastAuthorKind);
    }

    [Fact]
    public async Task The_list_names_the_author_of_the_last_reply()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var name = $"Rhea {Guid.NewGuid():N}"[..13];
        var id = await _conversations.OpenAssignedAsync(ana, "Sales", name);
        (await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = "On it" })).EnsureSuccessStatusCode();

        var item = Assert.Single(await ListAsync(ana, "Mine", name));

        Assert.Equal((AuthorKind.Agent, ana.AgentId, "Ana Agent"), (item.LastAuthorKind!.Value, item.LastAuthorId!.Value, item.LastAuthorName));
        Assert.Null(item.WaitingSince);
    }

    [Fact]
    public async Task The_api_answers_401_without_credentials_and_with_a_revoked_token()
    {
        using var anonymous = await app.CreateHttpClient().GetAsync("api/inbox/conversations");
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var tokens = await app.QueryAsync(db => db.Set<Web.Accounts.Tokens.ApiToken>().Where(t => t.Hash == Web.Accounts.Tokens.ApiTokenService.Hash(ana.Token)).ToListAsync());
        await app.QueryAsync(async db =>
        {
            var token = await db.Set<Web.Accounts.Tokens.ApiToken>().SingleAsync(t => t.Id == tokens[0].Id);
            token.Revoke(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var revoked = await ana.Http().GetAsync("api/inbox/conversations");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_inbox_api()
    {
        var document = await app.CreateHttpClient().GetStringAsync("openapi/v1.json");

        Assert.Contains("/api/inbox/conversations/{id}/close", document);
        Assert.Contains("/api/inbox/me/availability", document);
    }
}
