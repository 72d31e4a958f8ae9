namespace Inbound.Web.WebChat.Abuse;

/// <summary>A visitor (or their address) went past a limit of the public chat; nothing was stored.</summary>
public sealed class SlowDownException(TimeSpan? retryAfter)
    : Exception("You're sending messages faster than we can read them. Please wait a moment and try again.")
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
