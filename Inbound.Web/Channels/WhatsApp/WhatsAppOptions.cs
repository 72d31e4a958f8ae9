namespace Inbound.Web.Channels.WhatsApp;

/// <summary>Section <c>Channels:WhatsApp</c>.</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "Channels:WhatsApp";

    /// <summary>The Graph API host; a channel's own ApiBaseUrl setting wins (a test double or a proxy).</summary>
    public string ApiBaseUrl { get; set; } = "https://graph.facebook.com";

    public string ApiVersion { get; set; } = "v21.0";

    /// <summary>WhatsApp's customer-service window: free-form replies only this long after the contact's last message.</summary>
    public TimeSpan ServiceWindow { get; set; } = TimeSpan.FromHours(24);
}
