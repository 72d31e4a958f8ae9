using System.Net;
using Inbound.Domain.Conversations;
using Inbound.Web.Admin;
using Inbound.Web.Contacts;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Admin;

/// <summary>On the installation with the seeded workflow, which starts only for conversations a contact opened.</summary>
public class StartedConversationTests(InboundApp app) : IClassFixture<InboundApp>
{
    private readonly ChannelClient _api = new(app.CreateHttpClient());

    [Fact]
    public async Task Conversations_an_agent_or_a_script_starts_open_with_source_User_or_Api_and_do_not_start_the_seeded_workflow()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var (contact, channel) = await ContactWithoutOpenConversationAsync(admin, "Quentin Quiet");
        var (other, otherChannel) = await ContactWithoutOpenConversationAsync(admin, "Rita Script");
        var viewer = await app.Services.GetRequiredService<InboxViewers>().ResolveAsync(await PrincipalAsync(ana.Email));

        var byAgent = await app.Services.GetRequiredService<ContactCommands>().StartConversationAsync(viewer!, contact, channel, "Hi Quentin, following up", ConversationSource.User);
        var byScript = await (await admin.Http().PostAsJsonAsync($"api/admin/contacts/{other}/conversations", new { channelId = otherChannel, text = "Your order shipped" }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(AdminOutcome.Done, byAgent.Outcome);
        var started = byAgent.Value!.ConversationId;
        var scripted = byScript.GetProperty("conversationId").GetGuid();
        Assert.Equal(ConversationSource.User, await app.QueryAsync(db => db.Conversations.Where(c => c.Id == started).Select(c => c.Source).SingleAsync()));
        Assert.Equal(ConversationSource.Api, await app.QueryAsync(db => db.Conversations.Where(c => c.Id == scripted).Select(c => c.Source).SingleAsync()));
        Assert.Equal(ana.AgentId, await app.QueryAsync(db => db.Conversations.Where(c => c.Id == started).Select(c => c.AssigneeId).SingleAsync()));

        // The engine takes events in order: once a contact's own conversation has its run, the two before it were seen.
        var byContact = await _api.SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "Hello", "Sol Contact");
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.WorkflowRuns.AnyAsync(r => r.ConversationId == byContact.ConversationId)), "the seeded workflow's run for a contact's message");
        Assert.False(await app.QueryAsync(db => db.WorkflowRuns.AnyAsync(r => r.ConversationId == started || r.ConversationId == scripted)));
    }

    private async Task<(Guid Contact, Guid Channel)> ContactWithoutOpenConversationAsync(InboxUser admin, string name)
    {
        var opened = await _api.SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "Hi", name);
        await (await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{opened.ConversationId}/close", new { category = "Resolved", summary = "Done" }))
            .JsonAsync(HttpStatusCode.NoContent);
        return await app.QueryAsync(db => db.Conversations.Where(c => c.Id == opened.ConversationId).Select(c => new { c.ContactId, c.ChannelId }).SingleAsync()
            .ContinueWith(t => (t.Result.ContactId, t.Result.ChannelId)));
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Inbound.Web.Accounts.InboundUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Inbound.Web.Accounts.InboundUser>>();
        return await factory.CreateAsync((await users.FindByEmailAsync(email))!);
    }
}
