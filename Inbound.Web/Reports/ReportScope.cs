using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Reports;

/// <summary>The teams a viewer may report on: a supervisor their own, an admin every team and the conversations of none.</summary>
public static class ReportScope
{
    /// <returns>The team ids to count (Guid.Empty for "no team"), or null when <paramref name="teamId"/> is not the viewer's to see.</returns>
    public static async Task<List<Guid>?> TeamIdsAsync(InboundDbContext db, InboxViewer viewer, Guid? teamId, CancellationToken ct)
    {
        if (!viewer.IsAdmin && !viewer.IsSupervisor) return null;
        var visible = viewer.IsAdmin
            ? await db.Teams.AsNoTracking().Select(t => t.Id).ToListAsync(ct)
            : viewer.TeamIds.ToList();
        if (teamId is { } only) return visible.Contains(only) ? [only] : null;
        if (viewer.IsAdmin) visible.Add(Guid.Empty);
        return visible;
    }

    public static async Task<IReadOnlyList<(Guid Id, string Name)>> TeamsAsync(InboundDbContext db, InboxViewer viewer, CancellationToken ct)
    {
        var teams = viewer.IsAdmin ? db.Teams.AsNoTracking() : db.Teams.AsNoTracking().Where(t => viewer.TeamIds.Contains(t.Id));
        return (await teams.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
    }
}
