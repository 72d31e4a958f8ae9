using System.Security.Claims;
using Inbound.Web.Accounts;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Inbox;

/// <summary>Turns a signed-in principal into an <see cref="InboxViewer"/>, reading team membership fresh each time.</summary>
public sealed class InboxViewers(IDbContextFactory<InboundDbContext> dbFactory)
{
    /// <returns>Null when the account is not linked to an agent or has no inbox role.</returns>
    public async Task<InboxViewer?> ResolveAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.GetAgentId() is not { } agentId) return null;
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        if (role is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.TeamMembers.AsNoTracking().Where(m => m.AgentId == agentId).Select(m => m.TeamId).ToListAsync(cancellationToken);
        return new InboxViewer(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", agentId, user.GetDisplayName(), role, teams.ToHashSet());
    }
}
