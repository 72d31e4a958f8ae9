using System.Collections.Concurrent;
using System.Text.Json;
using Inbound.Web.ScaleOut;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Inbox.Live;

/// <summary>
/// The one live event path: committed changes come in from <see cref="InboxEventRelay"/> and go out to the
/// Blazor components of this node (subscribe → IDisposable, events in batches) and to SignalR clients through the
/// hub's groups. Publishing never waits for a listener: each page has its own bounded buffer, and a hub client that
/// stops reading holds up only its own connection until SignalR times it out.
/// With several nodes (Redis), the hub half reaches every node through the SignalR backplane, and the pages of the
/// other nodes hear each event through the <see cref="NodeBus"/>.
/// </summary>
public sealed class InboxNotifier
{
    public const string ClientMethod = "inboxEvent";
    private const string Topic = "inbox-events";

    private readonly IHubContext<InboxHub> hub;
    private readonly IOptions<LiveUpdateOptions> options;
    private readonly ILogger<InboxNotifier> logger;
    private readonly NodeBus? nodes;

    public InboxNotifier(IHubContext<InboxHub> hub, IOptions<LiveUpdateOptions> options, ILogger<InboxNotifier> logger, NodeBus? nodes = null)
    {
        this.hub = hub;
        this.options = options;
        this.logger = logger;
        this.nodes = nodes is { ReachesOtherNodes: true } ? nodes : null;
        // Lives as long as the app: the notifier is a singleton.
        this.nodes?.Subscribe(Topic, message =>
        {
            if (JsonSerializer.Deserialize<FromAnotherNode>(message) is { } heard) OfferHere(heard.Event, heard.Groups);
        });
    }

    /// <summary>An event as it travels to the other nodes' pages.</summary>
    private sealed record FromAnotherNode(InboxEvent Event, string[] Groups);

    // Subscriptions by group: an event costs a look-up per group it goes to and an offer per page that listens, however
    // many other pages are open.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<LiveSubscription, byte>> _groups = new(StringComparer.Ordinal);

    public IDisposable Subscribe(IReadOnlyCollection<string> groups, Func<LiveBatch, Task> onBatch)
    {
        var subscription = new LiveSubscription(groups.ToHashSet(StringComparer.Ordinal), onBatch, options.Value, logger, Remove);
        foreach (var group in subscription.Groups) _groups.GetOrAdd(group, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(InboxEvent inboxEvent, IReadOnlyList<string> groups)
    {
        OfferHere(inboxEvent, groups);
        nodes?.Publish(Topic, JsonSerializer.Serialize(new FromAnotherNode(inboxEvent, [.. groups])));

        // Connections that keep up are written before SendAsync returns; only a slow one leaves the task pending, and
        // awaiting it would make every later event wait for that one client.
        var sending = hub.Clients.Groups(groups).SendAsync(ClientMethod, inboxEvent);
        if (!sending.IsCompletedSuccessfully)
            _ = sending.ContinueWith(t => logger.LogWarning(t.Exception, "Could not push {Kind} to hub clients", inboxEvent.Kind),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>To this node's pages only: hub clients of every node hear the event through the backplane.</summary>
    private void OfferHere(InboxEvent inboxEvent, IReadOnlyList<string> groups)
    {
        HashSet<LiveSubscription>? offered = groups.Count > 1 ? [] : null;
        foreach (var group in groups)
        {
            if (!_groups.TryGetValue(group, out var listeners)) continue;
            // A page in two of the event's groups (an admin's, say) hears it once.
            foreach (var subscription in listeners.Keys)
                if (offered?.Add(subscription) ?? true) subscription.Offer(inboxEvent);
        }
    }

    private void Remove(LiveSubscription subscription)
    {
        foreach (var group in subscription.Groups)
            if (_groups.TryGetValue(group, out var listeners)) listeners.TryRemove(subscription, out _);
    }
}
