using Inbound.Web.Admin.Audit;
using Inbound.Web.Contacts.Blocking;
using Inbound.Web.WebChat;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.WebChat;

/// <summary>Blocking a contact or an address: further messages refused quietly and counted, unblocking undoes it, both audited.</summary>
public class WebChatBlockTests : IAsyncLifetime
{
    private static readonly Actor Carla = new(null, "Carla Supervisor");
    private readonly InboundApp _app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private BlockList Blocks => _app.Services.GetRequiredService<BlockList>();

    private Task<Guid> ContactOfAsync(ChatVisitor visitor) =>
        _app.QueryAsync(db => db.ContactIdentities.Where(i => i.ExternalId == visitor.ExternalId).Select(i => i.ContactId).SingleAsync());

    private Task<List<string>> AuditActionsAsync() => _app.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action + " " + e.Subject).ToListAsync());

    [Fact]
    public async Task A_blocked_contact_is_refused_quietly_and_counted_and_unblocking_lets_them_write_again_both_audited()
    {
        var visitor = WebChatTestApp.NewVisitor("198.51.100.61");
        await _app.WriteAsync(visitor, "First message");
        var contactId = await ContactOfAsync(visitor);

        await Blocks.BlockContactAsync(Carla, contactId, "Visitor 1234");
        var refused = await _app.WriteAsync(visitor, "Second message, while blocked");

        Assert.False(refused);
        Assert.Equal(1, await _app.MessagesOfAsync(visitor));
        Assert.Equal(new BlockStatus(true, false, 1), await Blocks.StatusAsync(contactId, visitor.Address));

        await Blocks.UnblockContactAsync(Carla, contactId, "Visitor 1234");
        Assert.True(await _app.WriteAsync(visitor, "Third message, after unblocking"));

        Assert.Equal(2, await _app.MessagesOfAsync(visitor));
        Assert.Equal(["contact.blocked Contact Visitor 1234", "contact.unblocked Contact Visitor 1234"],
            (await AuditActionsAsync()).Where(a => a.StartsWith("contact.")).ToList());
    }

    [Fact]
    public async Task A_blocked_address_refuses_every_visitor_writing_from_it_but_no_one_else()
    {
        var visitor = WebChatTestApp.NewVisitor("203.0.113.66");
        await _app.WriteAsync(visitor, "Hello");

        await Blocks.BlockAddressAsync(Carla, "203.0.113.66", "Visitor 5678");
        var sameAddressNewVisitor = WebChatTestApp.NewVisitor("203.0.113.66");
        var elsewhere = WebChatTestApp.NewVisitor("203.0.113.67");

        Assert.False(await _app.WriteAsync(visitor, "Still me"));
        Assert.False(await _app.WriteAsync(sameAddressNewVisitor, "A fresh id does not help"));
        Assert.True(await _app.WriteAsync(elsewhere, "Someone else"));
        Assert.Equal(1, await _app.MessagesOfAsync(visitor));
        Assert.Empty(await _app.ConversationsOfAsync(sameAddressNewVisitor));

        await Blocks.UnblockAddressAsync(Carla, "203.0.113.66");
        Assert.True(await _app.WriteAsync(visitor, "Back again"));
        Assert.Contains("address.blocked Address 203.0.113.66", await AuditActionsAsync());
        Assert.Contains("address.unblocked Address 203.0.113.66", await AuditActionsAsync());
    }
}
