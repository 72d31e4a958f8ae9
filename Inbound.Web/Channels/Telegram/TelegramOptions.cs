namespace Inbound.Web.Channels.Telegram;

/// <summary>Section <c>Channels:Telegram</c>.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Channels:Telegram";

    /// <summary>The Bot API's host; a channel's own ApiBaseUrl setting wins (a test double, a proxy, a local Bot API server).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";
}
