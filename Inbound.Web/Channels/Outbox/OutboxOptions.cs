using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.Channels.Outbox;

/// <summary>How the outbox sender paces itself and how long it keeps trying (section <c>Channels:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Channels:Outbox";

    /// <summary>How often a sender looks for rows another node queued or whose retry is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds a row; a node that died mid-send frees its rows when this runs out.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(90);

    [Range(1, 500)] public int BatchSize { get; set; } = 50;

    /// <summary>Messages sent at once by one node.</summary>
    [Range(1, 64)] public int Parallelism { get; set; } = 8;

    /// <summary>Attempts (each with the HTTP client's own quick retries) before a message is marked failed.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt; it doubles with each one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The HTTP client's quick retries within one attempt (Microsoft.Extensions.Http.Resilience).</summary>
    [Range(0, 10)] public int HttpRetries { get; set; } = 2;

    public TimeSpan HttpRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan HttpAttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan RetryDelayAfter(int attempts)
    {
        var delay = RetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
