using Inbound.Web.Accounts;
using Inbound.Web.Inbox;

namespace Inbound.Tests.Inbox;

public class ThreadReadTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    [Fact]
    public async Task A_shown_thread_read_again_appends_the_new_messages_and_matches_a_full_read()
    {
        var channel = new ChannelClient(app.CreateHttpClient());
        var contact = $"c-{Guid.NewGuid():N}";
        var id = (await channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "First", "Thread Reader")).ConversationId;
        for (var i = 0; i < 5; i++) await channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, $"Earlier {i}");
        var admin = new InboxViewer("admin", Guid.NewGuid(), "Admin", Roles.Admin, new HashSet<Guid>());
        var queries = app.Services.GetRequiredService<InboxQueries>();
        var shown = await queries.GetThreadAsync(admin, id);

        await channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "Later one");
        await channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "Later two");
        var appended = await Eventually.GetAsync(async () =>
            await queries.GetThreadAsync(admin, id, shown: shown) is { Entries.Count: 8 } t ? t : null, "the two new messages");
        var full = await queries.GetThreadAsync(admin, id);

        Assert.Equal(full!.Entries.Select(e => (e.Id, e.Body)), appended.Entries.Select(e => (e.Id, e.Body)));
        Assert.Equal(["Later one", "Later two"], appended.Entries.TakeLast(2).Select(e => e.Body));
    }
}
