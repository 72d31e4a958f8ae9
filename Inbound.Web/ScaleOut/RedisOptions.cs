namespace Inbound.Web.ScaleOut;

/// <summary>
/// The optional Redis server that lets several app nodes work as one (<c>Redis:Connection</c>, e.g.
/// <c>127.0.0.1:6379</c>, or the environment variable <c>Redis__Connection</c>). Without it the app is one node.
/// </summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string; empty means a single node.</summary>
    public string? Connection { get; set; }

    /// <summary>Prefixes every key and channel, so that several installations can share one Redis.</summary>
    public string Prefix { get; set; } = "inbound";
}
