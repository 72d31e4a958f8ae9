using Microsoft.AspNetCore.Identity;

namespace Inbound.Web.Accounts;

/// <summary>A sign-in account. Agents, supervisors and admins each link to the domain's agent record.</summary>
public sealed class InboundUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The domain agent this account works as; every role handles conversations.</summary>
    public Guid? AgentId { get; set; }

    /// <summary>When an admin deactivated the account; it cannot sign in or use its tokens until reactivated.</summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>"en" or "th"; null follows the browser's Accept-Language.</summary>
    public string? Language { get; set; }

    /// <summary>An IANA time zone id; null follows the browser's zone.</summary>
    public string? TimeZone { get; set; }
}
