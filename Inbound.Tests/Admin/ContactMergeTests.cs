using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Admin;

public class ContactMergeTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly ChannelClient _api = new(app.CreateHttpClient());
    private readonly ChannelClient _webChat = new(app.CreateHttpClient(), InboundApp.WebChatChannelKey, "demo-webchat-secret-change-me");

    [Fact]
    public async Task Merging_moves_history_identities_and_fields_to_the_kept_contact_and_the_next_message_on_either_channel_lands_there()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var http = admin.Http();
        var onApi = await _api.SendOkAsync($"m-{Guid.NewGuid():N}", "+4915550001", "Order 1 is late", "Maria Lopez");
        var onWebChat = await _webChat.SendOkAsync($"m-{Guid.NewGuid():N}", $"visitor-{Guid.NewGuid():N}", "Hello again", "Maria L.");
        var (kept, merged) = await app.QueryAsync(async db => (
            await db.Conversations.Where(c => c.Id == onApi.ConversationId).Select(c => c.ContactId).SingleAsync(),
            await db.Conversations.Where(c => c.Id == onWebChat.ConversationId).Select(c => c.ContactId).SingleAsync()));
        await (await http.PutAsJsonAsync($"api/admin/contacts/{merged}", new { fields = new Dictionary<string, string> { ["Topic"] = "Billing" }, tags = new[] { "returning" } })).JsonAsync(HttpStatusCode.OK);

        var refused = await (await http.PostAsJsonAsync($"api/admin/contacts/{kept}/merge", new { mergeId = merged })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("both have an open conversation", refused.GetProperty("detail").GetString());

        await (await http.PostAsJsonAsync($"api/inbox/conversations/{onApi.ConversationId}/close", new { category = "Resolved", summary = "Done" })).JsonAsync(HttpStatusCode.NoContent);
        var outcome = await (await http.PostAsJsonAsync($"api/admin/contacts/{kept}/merge", new { mergeId = merged })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, outcome.GetProperty("conversationsMoved").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"api/admin/contacts/{merged}")).StatusCode);
        var contact = await (await http.GetAsync($"api/admin/contacts/{kept}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Maria Lopez", contact.GetProperty("name").GetString());
        Assert.Equal(["API", "Website chat"], contact.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("channelName").GetString()).Order());
        Assert.True(contact.GetProperty("fields").TryGetProperty("Topic", out var topic), contact.ToString());
        Assert.Equal("Billing", topic.GetString());
        Assert.Contains("returning", contact.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, contact.GetProperty("conversations").GetArrayLength());

        // The web chat identity now belongs to the kept contact: its next message continues the open conversation there.
        var webIdentity = await app.QueryAsync(db => db.ContactIdentities.Where(i => i.ContactId == kept && i.ExternalId.StartsWith("visitor-")).Select(i => i.ExternalId).SingleAsync());
        var next = await _webChat.SendOkAsync($"m-{Guid.NewGuid():N}", webIdentity, "Any news?");
        Assert.Equal(onWebChat.ConversationId, next.ConversationId);
        var nextOnApi = await _api.SendOkAsync($"m-{Guid.NewGuid():N}", "+4915550001", "And my refund?");
        Assert.Equal(kept, await app.QueryAsync(db => db.Conversations.Where(c => c.Id == nextOnApi.ConversationId).Select(c => c.ContactId).SingleAsync()));
        var audit = await (await http.GetAsync("api/admin/audit?action=contact.merged")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(audit.EnumerateArray());
    }
}
