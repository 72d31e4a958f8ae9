using System.Collections.Concurrent;

namespace Inbound.Web.Admin.People;

/// <summary>
/// Accounts an admin signed out everywhere, and since when. The sign-in cookie is checked against it on every request
/// (a dictionary lookup, not a database read) and open pages and hub connections are told at once, so a deactivated
/// person loses access now rather than when Identity's security-stamp check next runs. The security stamp is changed
/// too, which covers other nodes and restarts within that check's interval.
/// </summary>
public sealed class SignedOutUsers(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTime> _since = new();
    private readonly ConcurrentDictionary<string, List<Action>> _listeners = new();

    public void SignOutEverywhere(string userId)
    {
        _since[userId] = clock.GetUtcNow().UtcDateTime;
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
