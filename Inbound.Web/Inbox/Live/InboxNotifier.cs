using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Inbound.Web.Inbox.Live;

/// <summary>
/// The one live event path: committed changes come in from <see cref="InboxEventRelay"/> and go out to the
/// Blazor components of this node (subscribe → IDisposable) and to SignalR clients through the hub's groups.
/// With a SignalR backplane (Redis) the hub half reaches every node without changes here.
/// </summary>
public sealed class InboxNotifier(IHubContext<InboxHub> hub, ILogger<InboxNotifier> logger)
{
    public const string ClientMethod = "inboxEvent";

    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public IDisposable Subscribe(IReadOnlyCollection<string> groups, Func<InboxEvent, Task> onEvent)
    {
        var subscription = new Subscription(this, groups.ToHashSet(StringComparer.Ordinal), onEvent);
        _subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public int SubscriberCount => _subscriptions.Count;

    public async Task PublishAsync(InboxEvent inboxEvent, IReadOnlyList<string> groups, CancellationToken cancellationToken = default)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            if (!groups.Any(subscription.Groups.Contains)) continue;
            // Not awaited one by one: a slow page must not hold up the others or the writer that published.
            _ = NotifyAsync(subscription, inboxEvent);
        }
        try
        {
            await hub.Clients.Groups(groups).SendAsync(ClientMethod, inboxEvent, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not push {Kind} to hub clients", inboxEvent.Kind);
        }
    }

    private async Task NotifyAsync(Subscription subscription, InboxEvent inboxEvent)
    {
        try
        {
            await subscription.OnEvent(inboxEvent);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A live subscriber failed on {Kind}", inboxEvent.Kind);
        }
    }

    private sealed class Subscription(InboxNotifier owner, HashSet<string> groups, Func<InboxEvent, Task> onEvent) : IDisposable
    {
        public HashSet<string> Groups { get; } = groups;
        public Func<InboxEvent, Task> OnEvent { get; } = onEvent;

        public void Dispose() => owner._subscriptions.TryRemove(this, out _);
    }
}
