using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Inbox.Live;

/// <summary>
/// The one live event path: committed changes come in from <see cref="InboxEventRelay"/> and go out to the
/// Blazor components of this node (subscribe → IDisposable, events in batches) and to SignalR clients through the
/// hub's groups. Publishing never waits for a listener: each page has its own bounded buffer, and a hub client that
/// stops reading holds up only its own connection until SignalR times it out.
/// With a SignalR backplane (Redis) the hub half reaches every node without changes here.
/// </summary>
public sealed class InboxNotifier(IHubContext<InboxHub> hub, IOptions<LiveUpdateOptions> options, TimeProvider clock, ILogger<InboxNotifier> logger)
{
    public const string ClientMethod = "inboxEvent";

    private readonly ConcurrentDictionary<LiveSubscription, byte> _subscriptions = new();

    public IDisposable Subscribe(IReadOnlyCollection<string> groups, Func<LiveBatch, Task> onBatch)
    {
        var subscription = new LiveSubscription(groups.ToHashSet(StringComparer.Ordinal), onBatch, options.Value, clock, logger,
            s => _subscriptions.TryRemove(s, out _));
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public int SubscriberCount => _subscriptions.Count;

    public void Publish(InboxEvent inboxEvent, IReadOnlyList<string> groups)
    {
        foreach (var subscription in _subscriptions.Keys)
            if (groups.Any(subscription.Groups.Contains)) subscription.Offer(inboxEvent);

        // Connections that keep up are written before SendAsync returns; only a slow one leaves the task pending, and
        // awaiting it would make every later event wait for that one client.
        var sending = hub.Clients.Groups(groups).SendAsync(ClientMethod, inboxEvent);
        if (!sending.IsCompletedSuccessfully)
            _ = sending.ContinueWith(t => logger.LogWarning(t.Exception, "Could not push {Kind} to hub clients", inboxEvent.Kind),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
