using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.WebChat.Abuse;

/// <summary>
/// How much the public chat takes from one visitor and one client address (section <c>WebChat:Limits</c>). Past a
/// limit the visitor is asked to slow down and nothing is stored.
/// </summary>
public sealed class WebChatLimitsOptions
{
    public const string Section = "WebChat:Limits";

    /// <summary>Messages one visitor may send at once before the per-minute rate applies.</summary>
    [Range(1, 10_000)] public int MessageBurst { get; set; } = 10;

    /// <summary>Messages one visitor may send per minute after the burst.</summary>
    [Range(1, 10_000)] public int MessagesPerMinute { get; set; } = 20;

    /// <summary>New visitors (new contacts) one client address may start per minute.</summary>
    [Range(1, 100_000)] public int NewVisitorsPerAddressPerMinute { get; set; } = 10;

    /// <summary>
    /// Open live connections (Blazor circuits) one client address may hold at once; signed-in agents are not counted,
    /// so that an office behind one address is not limited by its own inbox tabs.
    /// </summary>
    [Range(1, 100_000)] public int CircuitsPerAddress { get; set; } = 20;

    /// <summary>
    /// The reverse proxies (IP addresses) whose X-Forwarded-For is believed. Empty: the connection's own address is the
    /// client's, and a forwarded header cannot move a visitor into someone else's limit.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
}
