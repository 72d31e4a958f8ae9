using Inbound.Domain.Contacts;
using Inbound.Domain.SeedWork;

namespace Inbound.Tests.Domain;

public class ContactReachabilityTests
{
    private static readonly DateTime Monday = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);

    private static Contact LineContact() => Contact.FromChannel(Guid.NewGuid(), "U1234", "สมศรี", null, null, Monday);

    [Fact]
    public void A_contact_who_blocks_the_account_is_unreachable_since_the_first_time_they_did()
    {
        var contact = LineContact();

        contact.MarkUnreachable("Blocked the LINE account", Monday);
        contact.MarkUnreachable("Blocked the LINE account", Monday.AddHours(1));

        Assert.False(contact.IsReachable);
        Assert.Equal(Monday, contact.UnreachableSince);
        Assert.Equal("Blocked the LINE account", contact.UnreachableReason);
    }

    [Fact]
    public void A_contact_who_unblocks_the_account_is_reachable_again()
    {
        var contact = LineContact();
        contact.MarkUnreachable("Blocked the LINE account", Monday);

        contact.MarkReachable();

        Assert.True(contact.IsReachable);
        Assert.Null(contact.UnreachableReason);
    }

    [Fact]
    public void Unreachable_needs_a_reason_an_agent_can_read() =>
        Assert.Throws<DomainException>(() => LineContact().MarkUnreachable(" ", Monday));
}
