namespace Inbound.Web.Channels.Line;

/// <summary>Section <c>Channels:Line</c>.</summary>
public sealed class LineOptions
{
    public const string Section = "Channels:Line";

    /// <summary>The Messaging API host; a channel's own ApiBaseUrl setting wins (a test double or a proxy).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.line.me";

    /// <summary>The host contacts' files come from; a channel's own DataApiBaseUrl setting wins.</summary>
    public string DataApiBaseUrl { get; set; } = "https://api-data.line.me";

    /// <summary>
    /// How long a webhook event's reply token is used. LINE does not promise a lifetime (its guide says to reply
    /// "within a certain period"); tokens are known to work for about a minute, so Inbound stops a little earlier and
    /// pushes after that.
    /// </summary>
    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>A contact's profile (name, picture, language) is fetched again at most this often.</summary>
    public TimeSpan ProfileRefresh { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Inbound's public address (https://…): LINE fetches the files of replies from it. Without it a reply that
    /// carries files is refused, saying so.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long the loading animation shows while a workflow step works (LINE allows 5 to 60 s, in steps of 5).</summary>
    public int LoadingSeconds { get; set; } = 20;
}
