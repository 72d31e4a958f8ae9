using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat.Abuse;

/// <summary>
/// The limits of the public chat's door. Visitors write over their Blazor circuit, not over HTTP requests that the
/// rate-limiting middleware sees, so the page asks these partitioned limiters itself where a message enters
/// ingestion: one token bucket per visitor, one fixed window of new visitors per client address.
/// </summary>
public sealed class WebChatLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _messages;
    private readonly PartitionedRateLimiter<string> _newVisitors;

    public WebChatLimits(IOptions<WebChatLimitsOptions> options)
    {
        var limits = options.Value;
        _messages = PartitionedRateLimiter.Create<string, string>(visitor => RateLimitPartition.GetTokenBucketLimiter(visitor, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.MessageBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / limits.MessagesPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        _newVisitors = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.NewVisitorsPerAddressPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one message from the visitor's allowance.</summary>
    /// <exception cref="SlowDownException">The visitor is past their limit.</exception>
    public void TakeMessage(string visitorKey) => Take(_messages, visitorKey);

    /// <summary>Takes one new visitor from the address's allowance.</summary>
    /// <exception cref="SlowDownException">The address started too many visitors this minute.</exception>
    public void TakeNewVisitor(string? address) => Take(_newVisitors, address ?? "unknown");

    private static void Take(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return;
        throw new SlowDownException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
    }

    public void Dispose()
    {
        _messages.Dispose();
        _newVisitors.Dispose();
    }
}
