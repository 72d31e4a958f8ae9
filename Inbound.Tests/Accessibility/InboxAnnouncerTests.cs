using Bunit;
using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Components;

namespace Inbound.Tests.Accessibility;

public class InboxAnnouncerTests : MudComponentTest
{
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly Guid ConversationId = Guid.NewGuid();

    private static ThreadEntry FromContact(string text) =>
        new(Guid.NewGuid(), MessageDirection.Inbound, AuthorKind.Contact, "Somchai", text, DeliveryStatus.Delivered, DateTime.UtcNow);

    private static ThreadEntry ReplyBy(Guid agent, string name, string text) =>
        new(Guid.NewGuid(), MessageDirection.Outbound, AuthorKind.Agent, name, text, DeliveryStatus.Sent, DateTime.UtcNow, AuthorId: agent);

    private static ConversationThread Thread(params ThreadEntry[] entries) =>
        new(ConversationId, entries.Length, ConversationStatus.Open, Ana, "Ana Agent", null, null, DateTime.UtcNow, null, null, null, entries,
            new ContactCard(Guid.NewGuid(), "Somchai", null, null, "Web chat", ChannelType.WebChat, [], new Dictionary<string, string>(), [], []));

    private IRenderedComponent<InboxAnnouncer> Announcer(ConversationThread? thread) =>
        Render<InboxAnnouncer>(p => p.Add(a => a.Thread, thread).Add(a => a.ViewerId, Ana));

    private static string Region(IRenderedComponent<InboxAnnouncer> cut) => cut.Find("[role=status][aria-live=polite]").TextContent.Trim();

    [Fact]
    public void A_message_that_arrives_in_the_open_thread_is_announced_politely()
    {
        var first = FromContact("Hello");
        var cut = Announcer(Thread(first));

        cut.Render(p => p.Add(a => a.Thread, Thread(first, FromContact("Is the annual plan still on sale?"))));

        Assert.Equal("New message from Somchai: Is the annual plan still on sale?", Region(cut));
    }

    [Fact]
    public void Opening_a_conversation_announces_nothing_and_nor_does_the_agents_own_reply()
    {
        var first = FromContact("Hello");
        var cut = Announcer(Thread(first));
        Assert.Equal("", Region(cut));

        cut.Render(p => p.Add(a => a.Thread, Thread(first, ReplyBy(Ana, "Ana Agent", "Hi! How can I help?"))));

        Assert.Equal("", Region(cut));
    }

    [Fact]
    public void A_colleagues_reply_is_announced_with_their_name()
    {
        var first = FromContact("Hello");
        var cut = Announcer(Thread(first));

        cut.Render(p => p.Add(a => a.Thread, Thread(first, ReplyBy(Guid.NewGuid(), "Ben Agent", "I'll take this one"))));

        Assert.Equal("Ben Agent replied: I'll take this one", Region(cut));
    }

    [Fact]
    public async Task A_new_assignment_is_announced_with_the_contacts_name()
    {
        var cut = Announcer(null);

        await cut.InvokeAsync(() => cut.Instance.AnnounceAssignment("Vera"));

        Assert.Equal("New conversation with Vera assigned to you", Region(cut));
    }

    [Fact]
    public void A_thai_agent_hears_the_announcement_in_thai()
    {
        using var thai = new InThai();
        var first = FromContact("สวัสดีครับ");
        var cut = Announcer(Thread(first));

        cut.Render(p => p.Add(a => a.Thread, Thread(first, FromContact("ขอใบเสร็จด้วยครับ"))));

        Assert.Equal("ข้อความใหม่จาก Somchai: ขอใบเสร็จด้วยครับ", Region(cut));
    }
}
