using System.Security.Claims;

namespace Inbound.Web.Accounts;

/// <summary>Claims the app adds to Identity's: which domain agent the account works as, and its display name.</summary>
public static class InboundClaims
{
    public const string AgentId = "inbound:agent";
    public const string DisplayName = "inbound:name";

    public static Guid? GetAgentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AgentId), out var id) ? id : null;

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}
