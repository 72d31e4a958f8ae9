using Bunit;
using Inbound.Domain.Channels;
using Inbound.Web.Channels.Line;
using Inbound.Web.Contacts;
using Inbound.Web.Contacts.Blocking;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Components;

namespace Inbound.Tests.Inbox;

public class ContactPanelTests : MudComponentTest
{
    // Blocking reads the block list from the database; its own tests cover it (ContactBlockingTests).
    public ContactPanelTests()
    {
        // Both read and write the database; the panel's own rendering is what these tests are about.
        ComponentFactories.AddStub<ContactBlocking>();
        ComponentFactories.AddStub<ContactLanguagePicker>();
    }

    private static ContactCard LineContact(string? picture, string? unreachable) =>
        new(Guid.NewGuid(), "สมศรี ใจดี", null, null, "LINE", ChannelType.Line, [new ContactIdentityView("LINE", "U1234")],
            new Dictionary<string, string> { [LineProfiles.PictureField] = "https://profile.line-scdn.net/abc", [LineProfiles.LanguageField] = "th" }, [], [])
        {
            PictureUrl = picture,
            UnreachableReason = unreachable,
        };

    [Fact]
    public void A_contact_with_a_profile_picture_is_shown_with_it_instead_of_initials_and_its_address_is_not_listed_as_a_field()
    {
        var cut = Render<ContactPanel>(p => p.Add(x => x.Contact, LineContact("https://profile.line-scdn.net/abc", null)));

        Assert.Equal("https://profile.line-scdn.net/abc", cut.Find("[data-testid=contact-picture]").GetAttribute("src"));
        var fields = cut.Find("[data-testid=contact-fields]").TextContent;
        Assert.DoesNotContain("line-scdn", fields);
        Assert.Empty(cut.FindAll("[data-testid=contact-unreachable]"));
    }

    [Fact]
    public void A_contact_who_blocked_the_account_is_shown_as_unreachable_with_the_reason()
    {
        var cut = Render<ContactPanel>(p => p.Add(x => x.Contact, LineContact(null, LineContactReach.BlockedReason)));

        Assert.Contains("Blocked the LINE account", cut.Find("[data-testid=contact-unreachable]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=contact-picture]"));
    }
}
