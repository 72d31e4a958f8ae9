using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.Inbox.Presence;

public sealed class PresenceOptions
{
    public const string Section = "Presence";

    /// <summary>
    /// How long an online agent may have no inbox page and no hub connection open before they become away: long
    /// enough for a page reload or a network blip, short enough that conversations stop going to a closed browser.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(2);
}
