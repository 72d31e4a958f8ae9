using Bunit;
using Inbound.Domain.Conversations;
using Microsoft.AspNetCore.Components;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Components;
using static Inbound.Tests.Inbox.InboxBuilders;

namespace Inbound.Tests.Inbox;

public class ConversationListTests : MudComponentTest
{
    [Fact]
    public void Each_conversation_shows_its_contact_last_message_unread_count_and_waiting_time()
    {
        var cut = Render<ConversationList>(p => p
            .Add(x => x.Items, [Summary("Maria Lopez", "Where is my order?", unread: 2, waitingSince: Now.AddMinutes(-7))])
            .Add(x => x.Now, Now));

        var item = cut.Find("[data-testid=conversation-item]");
        Assert.Contains("Maria Lopez", item.TextContent);
        Assert.Contains("Where is my order?", item.TextContent);
        Assert.Equal("2", cut.Find("[data-testid=unread]").TextContent);
        Assert.Contains("7m", cut.Find(".inbox-item-waiting").TextContent);
        Assert.Contains("unread", item.ClassName);
    }

    [Fact]
    public void Only_the_viewers_own_reply_is_prefixed_with_you_a_workflows_and_a_colleagues_say_whose_they_are()
    {
        var me = Guid.NewGuid();
        var cut = Render<ConversationList>(p => p
            .Add(x => x.ViewerId, me)
            .Add(x => x.Items, [
                Summary("Mine", last: "On its way!", direction: MessageDirection.Outbound, author: AuthorKind.Agent, authorId: me),
                Summary("Bot", last: "You are number 2 in line", direction: MessageDirection.Outbound, author: AuthorKind.Workflow),
                Summary("Colleague", last: "Refund sent", direction: MessageDirection.Outbound, author: AuthorKind.Agent,
                    authorId: Guid.NewGuid(), authorName: "Ben Agent"),
                Summary("Contact", last: "Thanks"),
            ]));

        var previews = cut.FindAll(".inbox-item-preview").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(["You: On its way!", "Workflow: You are number 2 in line", "Ben Agent: Refund sent", "Thanks"], previews);
        Assert.Empty(cut.FindAll("[data-testid=unread]"));
    }

    [Fact]
    public void A_queued_conversation_shows_how_long_it_waits_even_when_the_queue_notice_came_last()
    {
        var cut = Render<ConversationList>(p => p
            .Add(x => x.Now, Now)
            .Add(x => x.Items, [Summary(last: "You are number 2 in line", direction: MessageDirection.Outbound, author: AuthorKind.Workflow,
                waitingSince: Now.AddMinutes(-12))]));

        Assert.Contains("12m", cut.Find(".inbox-item-waiting").TextContent);
    }

    [Fact]
    public void A_notice_shows_above_the_filters()
    {
        var cut = Render<ConversationList>(p => p
            .Add(x => x.Items, [])
            .Add(x => x.Notice, (RenderFragment)(b => b.AddMarkupContent(0, "<p id='notice'>You are offline</p>"))));

        Assert.Equal("You are offline", cut.Find("#notice").TextContent);
    }

    [Fact]
    public void A_conversation_with_a_hundred_or_more_unread_messages_shows_99_plus()
    {
        var cut = Render<ConversationList>(p => p.Add(x => x.Items, [Summary(unread: InboxQueries.UnreadCap)]));

        Assert.Equal("99+", cut.Find("[data-testid=unread]").TextContent);
    }

    [Fact]
    public void Clicking_a_conversation_selects_it()
    {
        var item = Summary();
        Guid? selected = null;
        var cut = Render<ConversationList>(p => p
            .Add(x => x.Items, [Summary("Other"), item])
            .Add(x => x.OnSelect, id => selected = id));

        cut.Find($"[data-conversation='{item.Id}']").Click();

        Assert.Equal(item.Id, selected);
    }

    [Theory]
    [InlineData(InboxFilter.Mine, "You're all caught up")]
    [InlineData(InboxFilter.Queue, "Nobody is waiting")]
    [InlineData(InboxFilter.Closed, "Nothing closed yet")]
    public void An_empty_list_explains_itself_for_each_filter(InboxFilter filter, string title)
    {
        var cut = Render<ConversationList>(p => p.Add(x => x.Items, []).Add(x => x.Filter, filter));

        Assert.Contains(title, cut.Find("[data-testid=list-empty]").TextContent);
    }

    [Fact]
    public void An_empty_search_says_no_contact_matches()
    {
        var cut = Render<ConversationList>(p => p.Add(x => x.Items, []).Add(x => x.Search, "zed"));

        Assert.Contains("No contact matches", cut.Find("[data-testid=list-empty]").TextContent);
    }

    [Fact]
    public void While_loading_it_shows_placeholders_and_on_error_a_retry()
    {
        var retried = false;
        var loading = Render<ConversationList>(p => p.Add(x => x.Items, null));
        var failed = Render<ConversationList>(p => p
            .Add(x => x.Error, "The server did not answer.")
            .Add(x => x.OnRetry, () => retried = true));

        Assert.NotNull(loading.Find("[data-testid=list-loading]"));
        Assert.Contains("The server did not answer.", failed.Find("[data-testid=list-error]").TextContent);
        failed.Find("[data-testid=list-error] button").Click();
        Assert.True(retried);
    }

    [Fact]
    public async Task Choosing_a_filter_and_typing_a_search_are_reported()
    {
        InboxFilter? filter = null;
        // The search is reported after a debounce, on a timer and without a render, so wait on the report itself.
        var search = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cut = Render<ConversationList>(p => p
            .Add(x => x.Items, [])
            .Add(x => x.QueueCount, 3)
            .Add(x => x.FilterChanged, f => filter = f)
            .Add(x => x.SearchChanged, s => search.TrySetResult(s)));

        cut.FindAll("[data-testid=filters] button").Single(b => b.TextContent.Contains("Queue (3)")).Click();
        cut.Find("input[aria-label='Search by contact name']").Input("mar");

        Assert.Equal(InboxFilter.Queue, filter);
        Assert.Equal("mar", await search.Task.WaitAsync(TimeSpan.FromSeconds(15)));
    }
}
