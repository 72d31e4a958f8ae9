using Inbound.Web.Inbox.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inbound.Tests.Inbox.Live;

public class InboxNotifierTests
{
    private readonly InboxNotifier _notifier;

    public InboxNotifierTests() =>
        _notifier = new InboxNotifier(new NullHubContext(), Options.Create(new LiveUpdateOptions { Interval = TimeSpan.FromSeconds(1) }),
            NullLogger<InboxNotifier>.Instance);

    [Fact]
    public async Task A_page_hears_only_its_groups_and_once_when_an_event_goes_to_two_of_them()
    {
        var admin = new List<InboxEvent>();
        var otherAgent = new List<InboxEvent>();
        using var a = _notifier.Subscribe([InboxGroups.Admins, InboxGroups.TeamAll(Team)], b => Record(admin, b));
        using var o = _notifier.Subscribe([InboxGroups.Agent(Guid.NewGuid())], b => Record(otherAgent, b));

        _notifier.Publish(Event(1), [InboxGroups.Admins, InboxGroups.TeamAll(Team)]);

        await Eventually.TrueAsync(() => Task.FromResult(admin.Count > 0), "the admin's batch");
        Assert.Single(admin);
        Assert.Empty(otherAgent);
    }

    [Fact]
    public async Task Events_that_arrive_while_a_page_handles_a_batch_come_together_in_the_next_one()
    {
        var batches = new List<LiveBatch>();
        using var page = _notifier.Subscribe([InboxGroups.Admins], b => { lock (batches) batches.Add(b); return Task.CompletedTask; });

        _notifier.Publish(Event(1), [InboxGroups.Admins]);
        await Eventually.TrueAsync(() => Task.FromResult(Count(batches) == 1), "the first batch");
        // Published within the page's one-second pause after its first batch.
        for (var i = 2; i <= 300; i++) _notifier.Publish(Event(i), [InboxGroups.Admins]);
        await Eventually.TrueAsync(() => Task.FromResult(Count(batches) == 2), "the second batch");

        Assert.Equal(299, batches[1].Events.Count);
        Assert.Equal(300, batches[1].Events[^1].Sequence);
        Assert.False(batches[1].Overflowed);
    }

    private static readonly Guid Team = Guid.NewGuid();

    private static InboxEvent Event(long sequence) =>
        new(InboxEventKinds.MessageAdded, Guid.NewGuid(), sequence, null, Team, Guid.NewGuid(), null, DateTime.UtcNow);

    private static Task Record(List<InboxEvent> into, LiveBatch batch)
    {
        lock (into) into.AddRange(batch.Events);
        return Task.CompletedTask;
    }

    private static int Count(List<LiveBatch> batches)
    {
        lock (batches) return batches.Count;
    }
}
