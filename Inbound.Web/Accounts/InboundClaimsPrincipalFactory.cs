using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Accounts;

/// <summary>Identity's principal (name, roles) plus the agent link, for cookies and tokens alike.</summary>
public sealed class InboundClaimsPrincipalFactory(UserManager<InboundUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<InboundUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(InboundUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.AgentId is { } agentId) identity.AddClaim(new Claim(InboundClaims.AgentId, agentId.ToString()));
        identity.AddClaim(new Claim(InboundClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}
