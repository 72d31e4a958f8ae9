using Inbound.Web.Admin.Audit;
using Inbound.Web.Contacts.Blocking;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Ingestion;

/// <summary>A contact blocked from the contact panel is refused on every channel, not only the web chat.</summary>
public class BlockedContactIngestionTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private static readonly Actor Carla = new(null, "Carla Supervisor");
    private readonly ChannelClient _channel = new(app.CreateHttpClient());

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_blocked_contacts_messages_on_the_api_channel_are_refused_quietly_counted_and_open_nothing()
    {
        var contact = NewId("contact");
        var first = await _channel.SendOkAsync(NewId("m"), contact, "Hello", "Spam Sender");
        var contactId = await app.QueryAsync(db => db.Conversations.Where(c => c.Id == first.ConversationId).Select(c => c.ContactId).SingleAsync());
        await app.QueryAsync(async db =>
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == first.ConversationId);
            conversation.Close(new Inbound.Domain.Conversations.ClosingNote("Spam", "Blocked"), null, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var blocks = app.Services.GetRequiredService<BlockList>();
        await blocks.BlockContactAsync(Carla, contactId, "Spam Sender");

        var refused = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _channel.SendOkAsync(NewId("m"), contact, "Buy now")));
        var someoneElse = await _channel.SendOkAsync(NewId("m"), NewId("contact"), "A real question");

        Assert.All(refused, r => Assert.True(r.Refused));
        Assert.False(someoneElse.Refused);
        Assert.True(someoneElse.Opened);
        Assert.Equal(1, await app.QueryAsync(db => db.Conversations.CountAsync(c => c.ContactId == contactId)));
        Assert.Equal(1, await app.QueryAsync(db => db.Messages.CountAsync(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.ContactId == contactId))));
        Assert.Equal(new BlockStatus(true, false, 3), await blocks.StatusAsync(contactId, null));

        await blocks.UnblockContactAsync(Carla, contactId, "Spam Sender");
        var after = await _channel.SendOkAsync(NewId("m"), contact, "Sorry about that");
        Assert.False(after.Refused);
        Assert.True(after.Opened);
    }
}
