using Inbound.Domain.Conversations;
using Inbound.Web.Accounts;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Queues;

/// <summary>
/// Reads the live team queues for supervisors (their own teams) and admins (every team): a few aggregate queries
/// however many teams, so that a page can afford one read per batch of live events.
/// </summary>
public sealed class TeamQueueQueries(IDbContextFactory<InboundDbContext> dbFactory)
{
    private const int TopicLength = 120;

    public async Task<IReadOnlyList<TeamQueueSummary>> ListAsync(InboxViewer viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SummariesAsync(db, VisibleTeams(db, viewer), ct);
    }

    /// <returns>Null when the team does not exist or is not the viewer's: supervisors cannot tell others' teams exist.</returns>
    public async Task<TeamQueueDetail?> GetAsync(InboxViewer viewer, Guid teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var summaries = await SummariesAsync(db, VisibleTeams(db, viewer).Where(t => t.Id == teamId), ct);
        if (summaries.Count == 0) return null;
        var waiting = await Waiting(db, teamId)
            .Select(c => new
            {
                c.Id,
                Since = c.WaitingSince ?? c.OpenedAt,
                Contact = db.Contacts.Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefault(),
                Channel = db.Channels.Where(x => x.Id == c.ChannelId).Select(x => x.Name).FirstOrDefault(),
                Topic = db.Messages.Where(m => m.Id == c.FirstMessageId).Select(m => m.Body.Substring(0, TopicLength)).FirstOrDefault(),
            })
            .OrderBy(c => c.Since).ToListAsync(ct);
        // Every team, not only the viewer's: moving a conversation to another team's queue is how work is handed over.
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(ct);
        return new TeamQueueDetail(summaries[0],
            waiting.Select((w, i) => new WaitingConversation(w.Id, i + 1, w.Contact ?? "Unknown contact", w.Channel ?? "", w.Topic ?? "", w.Since)).ToList(),
            teams);
    }

    /// <summary>The viewer's teams that have a wait alert and someone waiting: what the app bar watches.</summary>
    public async Task<IReadOnlyList<TeamWaitAlert>> AlertsAsync(InboxViewer viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await VisibleTeams(db, viewer).Where(t => t.WaitAlertMinutes != null)
            .Select(t => new { t.Id, t.Name, Minutes = t.WaitAlertMinutes!.Value }).ToListAsync(ct);
        if (teams.Count == 0) return [];
        var oldest = await OldestWaitingAsync(db, teams.Select(t => t.Id).ToList(), ct);
        return teams.Where(t => oldest.ContainsKey(t.Id)).Select(t => new TeamWaitAlert(t.Id, t.Name, t.Minutes, oldest[t.Id])).ToList();
    }

    private static IQueryable<Domain.Teams.Team> VisibleTeams(InboundDbContext db, InboxViewer viewer) =>
        viewer.IsAdmin ? db.Teams.AsNoTracking() : db.Teams.AsNoTracking().Where(t => viewer.TeamIds.Contains(t.Id));

    private static IQueryable<Conversation> Waiting(InboundDbContext db, Guid teamId) =>
        db.Conversations.AsNoTracking().Where(c => c.TeamId == teamId && c.Status == ConversationStatus.Open && c.AssigneeId == null);

    private static async Task<Dictionary<Guid, DateTime>> OldestWaitingAsync(InboundDbContext db, List<Guid> teamIds, CancellationToken ct) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.TeamId != null && teamIds.Contains(c.TeamId.Value) && c.Status == ConversationStatus.Open && c.AssigneeId == null)
            .GroupBy(c => c.TeamId!.Value)
            .Select(g => new { g.Key, Oldest = g.Min(c => c.WaitingSince ?? c.OpenedAt) })
            .ToDictionaryAsync(x => x.Key, x => x.Oldest, ct);

    private static async Task<List<TeamQueueSummary>> SummariesAsync(InboundDbContext db, IQueryable<Domain.Teams.Team> visible, CancellationToken ct)
    {
        var teams = await visible.Include(t => t.Members).OrderBy(t => t.Name).ToListAsync(ct);
        if (teams.Count == 0) return [];
        var teamIds = teams.Select(t => t.Id).ToList();
        var agentIds = teams.SelectMany(t => t.Members).Select(m => m.AgentId).Distinct().ToList();

        var perTeam = await db.Conversations.AsNoTracking()
            .Where(c => c.TeamId != null && teamIds.Contains(c.TeamId.Value) && c.Status == ConversationStatus.Open)
            .GroupBy(c => c.TeamId!.Value)
            .Select(g => new { g.Key, Open = g.Count(), Waiting = g.Count(c => c.AssigneeId == null) })
            .ToDictionaryAsync(x => x.Key, ct);
        var oldest = await OldestWaitingAsync(db, teamIds, ct);
        var agents = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Availability, a.Capacity }).ToDictionaryAsync(a => a.Id, ct);
        // Capacity counts every open conversation of the agent, whichever team it came from, as assignment does.
        var open = await db.Conversations.AsNoTracking()
            .Where(c => c.AssigneeId != null && agentIds.Contains(c.AssigneeId.Value) && c.Status == ConversationStatus.Open)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var lastReply = await db.Messages.AsNoTracking()
            .Where(m => m.AuthorId != null && agentIds.Contains(m.AuthorId.Value) && m.AuthorKind == AuthorKind.Agent && m.Direction == MessageDirection.Outbound)
            .GroupBy(m => m.AuthorId!.Value).Select(g => new { g.Key, Last = g.Max(m => m.CreatedAt) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);

        return teams.Select(t => new TeamQueueSummary(t.Id, t.Name,
            perTeam.GetValueOrDefault(t.Id)?.Waiting ?? 0,
            oldest.TryGetValue(t.Id, out var since) ? since : null,
            perTeam.GetValueOrDefault(t.Id)?.Open ?? 0,
            t.WaitAlertMinutes,
            t.Members.Where(m => agents.ContainsKey(m.AgentId)).Select(m => agents[m.AgentId])
                .Select(a => new AgentLoad(a.Id, a.Name, a.Availability, open.GetValueOrDefault(a.Id), a.Capacity,
                    lastReply.TryGetValue(a.Id, out var last) ? last : null))
                .OrderBy(a => a.Name).ToList())).ToList();
    }
}
