namespace Inbound.Web.Ai;

public enum AiFailure
{
    /// <summary>AI is switched off, or its settings are incomplete.</summary>
    Off,
    /// <summary>The service did not answer within the configured timeout.</summary>
    Timeout,
    /// <summary>The calls-per-minute limit is used up.</summary>
    RateLimited,
    /// <summary>The service answered with an error (5xx, 4xx) or could not be reached.</summary>
    ServiceError,
}

/// <summary>
/// A model call that could not be made or did not succeed. Callers turn it into a visible, handled outcome (an AI step's
/// <c>failed</c> port, a message in the composer); nothing else in the app waits on the service.
/// </summary>
public sealed class AiUnavailableException(AiFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public AiFailure Failure { get; } = failure;
}
