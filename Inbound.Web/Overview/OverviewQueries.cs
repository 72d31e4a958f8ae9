using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Overview;

/// <summary>Counts for the overview page, read in a handful of aggregate queries.</summary>
public sealed class OverviewQueries(IDbContextFactory<InboundDbContext> dbFactory, TimeProvider clock)
{
    /// <param name="teamIds">The teams the viewer may see (a supervisor's or agent's own), or null for every team (admins).</param>
    public async Task<OverviewStats> GetAsync(IReadOnlySet<Guid>? teamIds = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var startOfDay = clock.GetUtcNow().UtcDateTime.Date;

        var open = db.Conversations.Where(c => c.Status == ConversationStatus.Open);
        var openCount = await open.CountAsync(cancellationToken);
        var unassigned = await open.CountAsync(c => c.AssigneeId == null, cancellationToken);
        var agents = await db.Agents.AsNoTracking().Select(a => new { a.Id, a.Availability }).ToListAsync(cancellationToken);
        var messagesToday = await db.Messages.CountAsync(m => m.CreatedAt >= startOfDay, cancellationToken);

        var online = agents.Where(a => a.Availability == AgentAvailability.Online).Select(a => a.Id).ToHashSet();
        var perTeam = await open.Where(c => c.TeamId != null)
            .GroupBy(c => c.TeamId)
            .Select(g => new { TeamId = g.Key!.Value, Open = g.Count(), Queued = g.Count(c => c.AssigneeId == null) })
            .ToDictionaryAsync(x => x.TeamId, cancellationToken);
        var teams = await db.Teams.AsNoTracking().Include(t => t.Members).Where(t => teamIds == null || teamIds.Contains(t.Id))
            .OrderBy(t => t.Name).ToListAsync(cancellationToken);

        var loads = teams.Select(t => new TeamLoad(
            t.Name,
            perTeam.GetValueOrDefault(t.Id)?.Open ?? 0,
            perTeam.GetValueOrDefault(t.Id)?.Queued ?? 0,
            t.Members.Count(m => online.Contains(m.AgentId)),
            t.Members.Count)).ToList();

        return new OverviewStats(openCount, unassigned, online.Count, agents.Count, messagesToday, loads);
    }
}
