namespace Inbound.Web.Channels;

/// <summary>The HTTP client every provider's sender uses, with retries and backoff for transient failures.</summary>
public static class ChannelHttp
{
    public const string ClientName = "channels";
}
