using Bunit;
using Inbound.Domain.Conversations;
using Inbound.Web.Accounts;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Components;
using Inbound.Web.Inbox.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Inbound.Tests.Inbox.InboxBuilders;

namespace Inbound.Tests.Inbox.Live;

public class LiveConversationListTests : MudComponentTest
{
    private static readonly Guid Sales = Guid.NewGuid();
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly InboxViewer Supervisor = new("sam", Guid.NewGuid(), "Sam Supervisor", Roles.Supervisor, new HashSet<Guid> { Sales });

    private readonly InMemoryConversationRows _rows = new();
    private InboxNotifier _notifier = null!;
    private long _sequence = 10;

    private void UseNotifier(int bufferCapacity, int intervalMs = 100)
    {
        _notifier = new InboxNotifier(new NullHubContext(),
            Options.Create(new LiveUpdateOptions { Interval = TimeSpan.FromMilliseconds(intervalMs), BufferCapacity = bufferCapacity }),
            NullLogger<InboxNotifier>.Instance);
        Services.AddSingleton(_notifier);
        Services.AddSingleton<IConversationRows>(_rows);
    }

    [Fact]
    public async Task A_burst_of_5000_events_renders_a_bounded_number_of_times_and_ends_with_the_right_rows_and_queue_count()
    {
        // A page takes a batch a second here, so the bound below holds however slowly a busy machine runs the burst.
        UseNotifier(bufferCapacity: 10_000, intervalMs: 1_000);
        var ids = Enumerable.Range(0, 100).Select(i => Put(i, waiting: i % 2 == 0, minutesAgo: 100 - i)).ToList();
        var cut = await OpenAllAsync();
        await Task.Delay(500);
        var rendersBefore = cut.RenderCount;
        var readsBefore = _rows.RowReads;

        var burst = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5_000; i++)
        {
            var id = ids[(i * 7) % ids.Count];
            // Every tenth event an agent takes a waiting conversation, or one leaves for the queue again.
            var assign = i % 10 == 0;
            var row = Update(id, $"message {i}", assign, i);
            Publish(row, assign ? InboxEventKinds.ConversationAssigned : InboxEventKinds.MessageAdded);
            if (assign) PublishQueue(row);
            // Spread over half a second or more, as traffic is: a page without batching would render fifty times or more.
            if (i % 100 == 99) await Task.Delay(10);
        }
        burst.Stop();
        var expected = _rows.Expected(Supervisor, InboxFilter.All);
        await SettleAsync(cut, expected[0]);

        var shown = cut.FindAll("[data-testid=conversation-item]").Select(e => Guid.Parse(e.GetAttribute("data-conversation")!)).ToList();
        // Virtualized: the rows in view are in the DOM, in the order a fresh read gives.
        Assert.NotEmpty(shown);
        Assert.Equal(expected.Select(r => r.Id).Take(shown.Count), shown);
        Assert.Contains(expected[0].LastMessage!, cut.Find("[data-testid=conversation-item]").TextContent);
        Assert.Contains($"Queue ({_rows.QueueCount(Sales)})", cut.Markup);
        // One batch a second, each one read of the named rows and one render of the list (bunit counts the renders of
        // the whole subtree, a handful per pass, plus the page's own clock ticks while it settles on a slow machine);
        // without batching it would be about fifty of each.
        var batches = _rows.RowReads - readsBefore;
        Assert.InRange(batches, 1, (int)Math.Ceiling(burst.Elapsed.TotalSeconds) + 2);
        Assert.InRange(cut.RenderCount - rendersBefore, 1, (batches + 1) * 10);
    }

    [Fact]
    public async Task A_page_whose_buffer_overflows_reads_afresh_and_shows_the_latest_state()
    {
        UseNotifier(bufferCapacity: 64);
        var ids = Enumerable.Range(0, 40).Select(i => Put(i, waiting: true, minutesAgo: 100 - i)).ToList();
        var cut = await OpenAllAsync();
        var listReadsBefore = _rows.ListReads;

        for (var i = 0; i < 5_000; i++)
        {
            var row = Update(ids[i % ids.Count], $"late message {i}", assign: false, i);
            Publish(row, InboxEventKinds.MessageAdded);
        }
        var expected = _rows.Expected(Supervisor, InboxFilter.All);
        await SettleAsync(cut, expected[0]);

        Assert.True(_rows.ListReads > listReadsBefore, "an overflowing page re-reads its list");
        Assert.Contains(expected[0].LastMessage!, cut.Find("[data-testid=conversation-item]").TextContent);
    }

    [Fact]
    public async Task A_conversation_assigned_away_from_the_queue_leaves_it_and_the_count_follows()
    {
        UseNotifier(bufferCapacity: 1_000);
        var waiting = Put(1, waiting: true, minutesAgo: 5);
        Put(2, waiting: true, minutesAgo: 6);
        var cut = Render<LiveConversationList>(p => p.Add(x => x.Viewer, Supervisor).Add(x => x.Now, Now));
        await PickFilterAsync(cut, "Queue");
        Assert.Equal(2, cut.FindAll("[data-testid=conversation-item]").Count);

        var row = Update(waiting, "taken", assign: true, 1);
        Publish(row, InboxEventKinds.ConversationAssigned);
        PublishQueue(row);

        cut.WaitForAssertion(() =>
        {
            Assert.Single(cut.FindAll("[data-testid=conversation-item]"));
            Assert.Contains("Queue (1)", cut.Markup);
        }, TimeSpan.FromSeconds(10));
    }

    private async Task<IRenderedComponent<LiveConversationList>> OpenAllAsync()
    {
        var cut = Render<LiveConversationList>(p => p.Add(x => x.Viewer, Supervisor).Add(x => x.Now, Now));
        await PickFilterAsync(cut, "All");
        return cut;
    }

    private static async Task PickFilterAsync(IRenderedComponent<LiveConversationList> cut, string filter)
    {
        cut.WaitForElement("[data-testid=filters]");
        var item = cut.FindAll(".mud-toggle-item").First(b => b.TextContent.Contains(filter));
        await cut.InvokeAsync(() => item.Click());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=conversation-item]")));
    }

    /// <summary>Waits until the page shows the newest row as a fresh read has it, then for one more interval to pass quietly.</summary>
    private static async Task SettleAsync(IRenderedComponent<LiveConversationList> cut, ConversationSummary newest)
    {
        cut.WaitForAssertion(() => Assert.Contains(newest.LastMessage!, cut.Find("[data-testid=conversation-item]").TextContent), TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        await cut.InvokeAsync(() => { });
    }

    private Guid Put(int i, bool waiting, int minutesAgo)
    {
        var row = Summary($"Contact {i:000}", $"first {i}") with
        {
            Sequence = 1,
            TeamId = Sales,
            AssigneeId = waiting ? null : Ana,
            LastActivityAt = Now.AddMinutes(-minutesAgo),
        };
        _rows.Put(row);
        return row.Id;
    }

    private ConversationSummary Update(Guid id, string message, bool assign, int i)
    {
        var current = _rows.Get(id);
        var row = current with
        {
            Sequence = ++_sequence,
            LastMessage = message,
            LastActivityAt = Now.AddSeconds(i),
            AssigneeId = assign ? (current.AssigneeId is null ? Ana : null) : current.AssigneeId,
        };
        _rows.Put(row);
        return row;
    }

    private void Publish(ConversationSummary row, string kind) =>
        _notifier.Publish(new InboxEvent(kind, row.Id, row.Sequence, row.AssigneeId, row.TeamId, null, null, Now), [InboxGroups.TeamAll(Sales)]);

    private void PublishQueue(ConversationSummary row) =>
        _notifier.Publish(new InboxEvent(InboxEventKinds.QueueChanged, row.Id, row.Sequence, null, Sales, null, _rows.QueueCount(Sales), Now),
            [InboxGroups.TeamAll(Sales), InboxGroups.Supervisors]);
}
