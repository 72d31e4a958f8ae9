using System.Collections.Concurrent;
using System.Globalization;
using Inbound.Web.ScaleOut;

namespace Inbound.Web.Admin.People;

/// <summary>
/// Accounts an admin signed out everywhere, and since when. The sign-in cookie is checked against it on every request
/// (a dictionary lookup, not a database read) and open pages and hub connections are told at once, so a deactivated
/// person loses access now rather than when Identity's security-stamp check next runs. Other nodes hear it through the
/// <see cref="NodeBus"/> (Redis) and do the same at once. The security stamp is changed too, which covers restarts
/// (and nodes without Redis) within that check's interval.
/// </summary>
public sealed class SignedOutUsers
{
    private const string Topic = "signed-out";

    private readonly ConcurrentDictionary<string, DateTime> _since = new();
    private readonly ConcurrentDictionary<string, List<Action>> _listeners = new();
    private readonly TimeProvider clock;
    private readonly NodeBus? nodes;

    public SignedOutUsers(TimeProvider clock, NodeBus? nodes = null)
    {
        this.clock = clock;
        this.nodes = nodes is { ReachesOtherNodes: true } ? nodes : null;
        // "userId sinceTicks" from another node. Lives as long as the app.
        this.nodes?.Subscribe(Topic, message =>
        {
            var (userId, ticks) = (message[..message.LastIndexOf(' ')], message[(message.LastIndexOf(' ') + 1)..]);
            End(userId, new DateTime(long.Parse(ticks, CultureInfo.InvariantCulture), DateTimeKind.Utc));
        });
    }

    public void SignOutEverywhere(string userId)
    {
        var since = clock.GetUtcNow().UtcDateTime;
        End(userId, since);
        nodes?.Publish(Topic, $"{userId} {since.Ticks.ToString(CultureInfo.InvariantCulture)}");
    }

    private void End(string userId, DateTime since)
    {
        _since.AddOrUpdate(userId, since, (_, known) => known > since ? known : since);
        if (!_listeners.TryGetValue(userId, out var listeners)) return;
        Action[] copy;
        lock (listeners) copy = [.. listeners];
        foreach (var listener in copy) listener();
    }

    /// <summary>Whether a session of the user that started at <paramref name="issuedUtc"/> was ended since.</summary>
    public bool HasEnded(string userId, DateTimeOffset? issuedUtc) =>
        _since.TryGetValue(userId, out var since) && (issuedUtc is null || issuedUtc.Value.UtcDateTime <= since);

    /// <summary>Calls <paramref name="onSignedOut"/> when the user is signed out everywhere; dispose to stop listening.</summary>
    public IDisposable Watch(string userId, Action onSignedOut)
    {
        var listeners = _listeners.GetOrAdd(userId, _ => []);
        lock (listeners) listeners.Add(onSignedOut);
        return new Unwatch(() => { lock (listeners) listeners.Remove(onSignedOut); });
    }

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
