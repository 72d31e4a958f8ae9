using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Line;

/// <summary>
/// The reply tokens of contacts' recent events, by the event's id (which is the stored message's external id, so the
/// outbox finds the token of the message it answers). A token works once: taking it removes it. Tokens live in this
/// node's memory only; a reply sent from another node, or after a restart, goes out by push, which always works.
/// </summary>
public sealed class LineReplyTokens(IOptions<LineOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (string Token, DateTime ReceivedAt)> _tokens = new(StringComparer.Ordinal);

    public void Remember(string eventId, string replyToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _tokens[eventId] = (replyToken, now);
        // Expired tokens are dropped as new ones come, so the map holds about a minute of traffic.
        foreach (var (id, entry) in _tokens)
            if (now - entry.ReceivedAt > options.Value.ReplyTokenLifetime) _tokens.TryRemove(id, out _);
    }

    /// <summary>The token of this event while it is still good to use, once.</summary>
    public string? Take(string? eventId)
    {
        if (eventId is null || !_tokens.TryRemove(eventId, out var entry)) return null;
        return clock.GetUtcNow().UtcDateTime - entry.ReceivedAt <= options.Value.ReplyTokenLifetime ? entry.Token : null;
    }
}
