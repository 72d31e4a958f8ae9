using Bunit;
using Inbound.Domain.Conversations;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Components;
using static Inbound.Tests.Inbox.InboxBuilders;

namespace Inbound.Tests.Inbox;

/// <summary>The thread's part of scrolling; the script's own part is covered in the browser (InboxScrollTests).</summary>
public class ThreadViewScrollTests : MudComponentTest
{
    private readonly BunitJSModuleInterop _scroll;

    public ThreadViewScrollTests()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        _scroll = JSInterop.SetupModule("./Inbox/Components/ThreadView.razor.js");
        _scroll.SetupVoid("start", _ => true).SetVoidResult();
        _scroll.SetupVoid("toBottom", _ => true).SetVoidResult();
        _scroll.SetupVoid("stop", _ => true).SetVoidResult();
    }

    private static ConversationThread WithMessages(ConversationThread thread, int count) => thread with
    {
        Entries = [.. thread.Entries, .. Enumerable.Range(0, count).Select(i => Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", $"More {i}"))],
    };

    [Fact]
    public void Opening_a_conversation_starts_at_its_newest_message()
    {
        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, Thread([Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "Hi")])));

        cut.WaitForAssertion(() => Assert.Single(_scroll.Invocations["start"]));
        var other = Thread([Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "Another")]);
        cut.Render(p => p.Add(x => x.Thread, other));
        cut.WaitForAssertion(() => Assert.Equal(2, _scroll.Invocations["start"].Count));
    }

    [Fact]
    public void A_new_message_while_reading_at_the_bottom_is_followed_without_a_pill()
    {
        _scroll.Setup<bool>("added", _ => true).SetResult(true);
        var thread = Thread([Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "Hi")]);
        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, thread));
        cut.WaitForAssertion(() => Assert.Single(_scroll.Invocations["start"]));

        cut.Render(p => p.Add(x => x.Thread, WithMessages(thread, 1)));

        cut.WaitForAssertion(() => Assert.Single(_scroll.Invocations["added"]));
        Assert.Empty(cut.FindAll("[data-testid=new-messages]"));
    }

    [Fact]
    public void A_new_message_while_scrolled_up_shows_a_pill_that_scrolls_down_and_goes()
    {
        _scroll.Setup<bool>("added", _ => true).SetResult(false);
        var thread = Thread([Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "Hi")]);
        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, thread));
        cut.WaitForAssertion(() => Assert.Single(_scroll.Invocations["start"]));

        cut.Render(p => p.Add(x => x.Thread, WithMessages(thread, 1)));

        var pill = cut.WaitForElement("[data-testid=new-messages]");
        Assert.Contains("New messages", pill.TextContent);
        pill.Click();
        Assert.Single(_scroll.Invocations["toBottom"]);
        Assert.Empty(cut.FindAll("[data-testid=new-messages]"));
    }

    [Fact]
    public async Task Scrolling_down_to_the_newest_message_oneself_hides_the_pill()
    {
        _scroll.Setup<bool>("added", _ => true).SetResult(false);
        var thread = Thread([Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "Hi")]);
        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, thread));
        cut.WaitForAssertion(() => Assert.Single(_scroll.Invocations["start"]));
        cut.Render(p => p.Add(x => x.Thread, WithMessages(thread, 2)));
        cut.WaitForElement("[data-testid=new-messages]");

        await cut.InvokeAsync(() => cut.Instance.ReachedBottom());

        Assert.Empty(cut.FindAll("[data-testid=new-messages]"));
    }

    [Fact]
    public void The_agents_own_new_reply_is_shown_even_when_they_had_scrolled_up()
    {
        _scroll.Setup<bool>("added", _ => true).SetResult(false);
        var me = Guid.NewGuid();
        var thread = Thread([Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "Hi")]);
        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, thread).Add(x => x.ViewerId, me));
        cut.WaitForAssertion(() => Assert.Single(_scroll.Invocations["start"]));

        var reply = Entry(MessageDirection.Outbound, AuthorKind.Agent, "Ana Agent", "On it", minutesAgo: 0) with { AuthorId = me };
        cut.Render(p => p.Add(x => x.Thread, thread with { Entries = [.. thread.Entries, reply] }));

        cut.WaitForAssertion(() => Assert.Single(_scroll.Invocations["toBottom"]));
        Assert.Empty(_scroll.Invocations["added"]);
        Assert.Empty(cut.FindAll("[data-testid=new-messages]"));
    }
}
