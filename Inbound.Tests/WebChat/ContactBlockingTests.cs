using Bunit;
using Inbound.Web.Contacts.Blocking;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.WebChat;

/// <summary>The contact panel's block buttons, on the real block list and audit log of a running app.</summary>
public class ContactBlockingTests : MudComponentTest, IClassFixture<InboundApp>
{
    private readonly InboundApp _app;

    public ContactBlockingTests(InboundApp app)
    {
        _app = app;
        Services.AddSingleton(app.Services.GetRequiredService<BlockList>());
        AddAuthorization().SetAuthorized("Sam Supervisor");
    }

    private IRenderedComponent<ContactBlocking> RenderPanel(Guid contactId, string? address) => Render<ContactBlocking>(p => p
        .Add(c => c.ContactId, contactId)
        .Add(c => c.ContactName, "Visitor 4821")
        .Add(c => c.Address, address));

    [Fact]
    public async Task Blocking_and_unblocking_the_contact_changes_the_panel_and_is_audited_under_the_person_who_did_it()
    {
        var contactId = Guid.NewGuid();
        var cut = RenderPanel(contactId, "198.51.100.99");
        // The panel reads the block list first: the buttons come once it has.
        var block = cut.WaitForElement("[data-testid=block-contact]");
        Assert.Empty(cut.FindAll("[data-testid=blocked-notice]"));

        await block.ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("This contact is blocked", cut.Find("[data-testid=blocked-notice]").TextContent));
        await cut.Find("[data-testid=unblock-contact]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=blocked-notice]")));
        var audited = await _app.QueryAsync(db => db.AuditEntries.Where(e => e.Subject == "Contact Visitor 4821" && e.ActorName == "Sam Supervisor")
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["contact.blocked", "contact.unblocked"], audited.TakeLast(2));
    }

    [Fact]
    public async Task An_address_is_offered_only_when_the_contact_wrote_from_one_and_blocking_it_says_so()
    {
        var withoutAddress = RenderPanel(Guid.NewGuid(), null);
        withoutAddress.WaitForElement("[data-testid=block-contact]");
        Assert.Empty(withoutAddress.FindAll("[data-testid=block-address]"));

        var cut = RenderPanel(Guid.NewGuid(), "203.0.113.99");
        var blockAddress = cut.WaitForElement("[data-testid=block-address]");
        Assert.Equal("Block address 203.0.113.99", blockAddress.TextContent.Trim());
        await blockAddress.ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("Their address is blocked", cut.Find("[data-testid=blocked-notice]").TextContent));
        Assert.Equal("Unblock 203.0.113.99", cut.Find("[data-testid=unblock-address]").TextContent.Trim());
    }
}
