using Inbound.Domain.Conversations;
using Inbound.Domain.Sla;
using Inbound.Domain.Teams;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Sla;

/// <summary>The SLA of the teams a list or thread shows: read once per read, for every row of those teams.</summary>
public sealed class TeamSlaClocks
{
    private readonly Dictionary<Guid, (SlaTargets Targets, BusinessClock Clock)> _teams;

    private TeamSlaClocks(Dictionary<Guid, (SlaTargets, BusinessClock)> teams) => _teams = teams;

    public static async Task<TeamSlaClocks> ReadAsync(InboundDbContext db, IEnumerable<Guid?> teamIds, CancellationToken cancellationToken)
    {
        var ids = teamIds.OfType<Guid>().Distinct().ToList();
        var teams = ids.Count == 0 ? [] : await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        return new TeamSlaClocks(teams.ToDictionary(t => t.Id, t => (t.SlaTargets, BusinessClock.Of(t))));
    }

    /// <summary>The due time an open conversation shows, from the due times stored on it; null without one.</summary>
    public SlaDue? For(Guid? slaTeamId, ConversationStatus status, DateTime? firstResponseAt, DateTime? firstResponseDueAt, DateTime? resolutionDueAt)
    {
        if (status != ConversationStatus.Open || slaTeamId is not { } team || !_teams.TryGetValue(team, out var sla)) return null;
        if (firstResponseAt is null && firstResponseDueAt is { } first && sla.Targets.FirstResponse is { } firstTarget)
            return new SlaDue(SlaKind.FirstResponse, first, firstTarget, sla.Clock);
        return resolutionDueAt is { } resolution && sla.Targets.Resolution is { } resolutionTarget
            ? new SlaDue(SlaKind.Resolution, resolution, resolutionTarget, sla.Clock)
            : null;
    }
}
