using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows.Engine;

/// <summary>Today's agents, their teams and open-conversation counts, read in four queries.</summary>
/// <param name="TeamMembers">Agent ids by team id.</param>
/// <param name="Open">Open conversations by agent id.</param>
internal sealed record AgentRoster(
    Dictionary<Guid, Agent> Agents, Dictionary<Guid, HashSet<Guid>> TeamMembers, Dictionary<Guid, int> Open, Dictionary<Guid, string> TeamNames)
{
    /// <param name="tracked">The engine tracks agents (their ticket is a concurrency token); the simulator only reads.</param>
    public static async Task<AgentRoster> LoadAsync(InboundDbContext db, bool tracked, CancellationToken ct)
    {
        var agentQuery = tracked ? db.Agents : db.Agents.AsNoTracking();
        var agents = await agentQuery.ToDictionaryAsync(a => a.Id, ct);
        // A deactivated person stays a member on paper, but is never a candidate, whatever a step's online rule says.
        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => !db.Users.Any(u => u.AgentId == m.AgentId && u.DeactivatedAt != null))
            .Select(m => new { m.TeamId, m.AgentId }).ToListAsync(ct);
        var teamNames = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var open = await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null)
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, ct);
        var teamMembers = members.GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => g.Select(m => m.AgentId).ToHashSet());
        return new AgentRoster(agents, teamMembers, open, teamNames);
    }
}
