using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inbound.Web.WebChat.Abuse;

/// <summary>
/// Caps the live connections (Blazor circuits, at <c>/_blazor</c>) one client address holds open. A WebSocket
/// request lasts as long as its circuit, so a concurrency lease taken for the request is held for the circuit's
/// life. It runs after authentication: a signed-in agent's tabs are not counted, only anonymous ones (visitors).
/// </summary>
public sealed class CircuitLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _circuits;

    public CircuitLimit(IOptions<WebChatLimitsOptions> options)
    {
        var limit = options.Value.CircuitsPerAddress;
        _circuits = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetConcurrencyLimiter(address,
            _ => new ConcurrencyLimiterOptions { PermitLimit = limit, QueueLimit = 0 }));
    }

    /// <summary>Whether the address holds all the circuits it may: its next page would stay a static copy, so it says so instead.</summary>
    public bool IsFull(string? address) => _circuits.GetStatistics(Key(address))?.CurrentAvailablePermits == 0;

    private static string Key(string? address) => address ?? "unknown";

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        // The negotiate call is short and opens nothing; the connection request after it is the circuit.
        if (!request.Path.StartsWithSegments("/_blazor") || request.Path.StartsWithSegments("/_blazor/negotiate")
            || context.User.Identity?.IsAuthenticated == true)
        {
            await next();
            return;
        }
        using var lease = _circuits.AttemptAcquire(Key(Address(context)));
        if (!lease.IsAcquired)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }
        await next();
    }

    /// <summary>The client's address as the chat page names it (an IPv4 client on a dual-stack socket as IPv4).</summary>
    public static string? Address(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;

    public void Dispose() => _circuits.Dispose();
}
