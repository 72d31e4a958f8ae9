using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.SeedWork;
using Inbound.Domain.Sla;
using Inbound.Domain.Teams;
using Inbound.Web.Accounts;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using static Inbound.Web.Admin.AdminResults;

namespace Inbound.Web.Admin.Teams;

/// <summary>
/// Teams and who is in them. Admins manage every team; a supervisor sees and manages only the teams they belong to
/// (others answer "not found", as if they did not exist), and only admins create or delete teams.
/// </summary>
public sealed class TeamAdministration(
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    IAuditLog audit,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<TeamDetails>> ListAsync(InboxViewer viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await Visible(db, viewer).AsNoTracking().Include(t => t.Members).OrderBy(t => t.Name).ToListAsync(ct);
        return await DetailsAsync(db, teams, ct);
    }

    public async Task<AdminResult<TeamDetails>> GetAsync(InboxViewer viewer, Guid teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await Visible(db, viewer).AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == teamId, ct);
        return team is null ? NotFound("team") : Done((await DetailsAsync(db, [team], ct))[0]);
    }

    public async Task<AdminResult<TeamDetails>> CreateAsync(Actor actor, string name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await NameProblemAsync(db, name, null, ct) is { } problem) return problem;
        var team = new Team(name);
        db.Teams.Add(team);
        await db.SaveAndPublishAsync(publisher, ct);
        await audit.RecordAsync(actor, "team.created", $"Team {team.Name}", "", ct);
        return Done((await DetailsAsync(db, [team], ct))[0]);
    }

    public Task<AdminResult<TeamDetails>> RenameAsync(InboxViewer viewer, Actor actor, Guid teamId, string name, CancellationToken ct = default) =>
        ChangeAsync(viewer, actor, teamId, async (db, team) =>
        {
            if (await NameProblemAsync(db, name, teamId, ct) is { } problem) return problem;
            var before = team.Name;
            team.Rename(name);
            return ("team.renamed", $"Renamed from {before} to {team.Name}");
        }, ct);

    public Task<AdminResult<TeamDetails>> SetHoursAsync(InboxViewer viewer, Actor actor, Guid teamId, TeamHours hours, CancellationToken ct = default) =>
        ChangeAsync(viewer, actor, teamId, (_, team) =>
        {
            try
            {
                team.SetBusinessHours(hours.TimeZone ?? "", hours.Hours ?? [], Now);
            }
            catch (DomainException ex)
            {
                return Task.FromResult<TeamChange>(Invalid(TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone ?? "", out TimeZoneInfo? _) ? "hours" : "timeZone", ex.Message));
            }
            return Task.FromResult<TeamChange>(("team.hours", $"{team.TimeZone}: {string.Join(", ", team.BusinessHours.Select(h => $"{h.Day.ToString()[..3]} {h.Opens:HH\\:mm}-{h.Closes:HH\\:mm}"))}"));
        }, ct);

    public Task<AdminResult<TeamDetails>> AddMemberAsync(InboxViewer viewer, Actor actor, Guid teamId, Guid agentId, CancellationToken ct = default) =>
        ChangeAsync(viewer, actor, teamId, async (db, team) =>
        {
            var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => a.Name).SingleOrDefaultAsync(ct);
            if (agent is null) return Invalid("agentId", AdminError.AgentMissing, "No such agent.");
            team.AddMember(agentId, Now);
            return ("team.member-added", $"{agent} joined");
        }, ct);

    public Task<AdminResult<TeamDetails>> RemoveMemberAsync(InboxViewer viewer, Actor actor, Guid teamId, Guid agentId, CancellationToken ct = default) =>
        ChangeAsync(viewer, actor, teamId, async (db, team) =>
        {
            if (!team.HasMember(agentId)) return NotFound("member");
            var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => a.Name).SingleOrDefaultAsync(ct);
            team.RemoveMember(agentId);
            return ("team.member-removed", $"{agent} left");
        }, ct);

    /// <summary>Sets when the queues page and the app bar alert the team's supervisors about a long wait.</summary>
    public Task<AdminResult<TeamDetails>> SetWaitAlertAsync(InboxViewer viewer, Actor actor, Guid teamId, int? minutes, CancellationToken ct = default) =>
        ChangeAsync(viewer, actor, teamId, (_, team) =>
        {
            if (minutes is < 1 or > 24 * 60) return Task.FromResult<TeamChange>(Invalid("minutes", AdminError.WaitAlertRange, "The wait alert is between 1 minute and 24 hours (1440 minutes)."));
            team.SetWaitAlert(minutes);
            return Task.FromResult<TeamChange>(("team.wait-alert", minutes is { } m ? $"Alert after {m} min waiting" : "No wait alert"));
        }, ct);

    /// <summary>Sets the team's SLA targets; conversations routed from now on are measured by them.</summary>
    public Task<AdminResult<TeamDetails>> SetSlaAsync(InboxViewer viewer, Actor actor, Guid teamId, TeamSlaRequest sla, CancellationToken ct = default) =>
        ChangeAsync(viewer, actor, teamId, (_, team) =>
        {
            var targets = new SlaTargets(Minutes(sla.FirstResponseMinutes), Minutes(sla.ResolutionMinutes));
            try
            {
                team.SetSlaTargets(targets);
            }
            catch (DomainException ex)
            {
                return Task.FromResult<TeamChange>(Invalid(sla.FirstResponseMinutes is < 1 or > 90 * 24 * 60 ? "firstResponseMinutes" : "resolutionMinutes", ex.Message));
            }
            return Task.FromResult<TeamChange>(("team.sla", $"First response {sla.FirstResponseMinutes?.ToString() ?? "none"} min, resolution {sla.ResolutionMinutes?.ToString() ?? "none"} min"));
        }, ct);

    private static TimeSpan? Minutes(int? minutes) => minutes is { } m ? TimeSpan.FromMinutes(m) : null;

    /// <summary>Sets how many open conversations a member of the team takes at once.</summary>
    public Task<AdminResult<TeamDetails>> SetCapacityAsync(InboxViewer viewer, Actor actor, Guid teamId, Guid agentId, int capacity, CancellationToken ct = default) =>
        ChangeAsync(viewer, actor, teamId, async (db, team) =>
        {
            if (!team.HasMember(agentId)) return NotFound("member");
            if (capacity is < 1 or > 1000) return Invalid("capacity", AdminError.CapacityRange, "Capacity is between 1 and 1000 open conversations.");
            var agent = await db.Agents.SingleAsync(a => a.Id == agentId, ct);
            agent.SetCapacity(capacity, Now);
            return ("agent.capacity", $"{agent.Name}: capacity {capacity}");
        }, ct);

    /// <summary>Refused while the team has open conversations: they would lose their queue and their routing.</summary>
    public async Task<AdminResult<bool>> DeleteAsync(Actor actor, Guid teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return NotFound("team");
        var open = await db.Conversations.CountAsync(c => c.TeamId == teamId && c.Status == ConversationStatus.Open, ct);
        if (open > 0)
            return Refused(AdminError.TeamHasOpenConversations, "{0} has {1} open conversation(s): close or move them to another team first.", team.Name, open);
        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "team.deleted", $"Team {team.Name}", "", ct);
        return Done(true);
    }

    private async Task<AdminResult<TeamDetails>> ChangeAsync(InboxViewer viewer, Actor actor, Guid teamId,
        Func<InboundDbContext, Team, Task<TeamChange>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var team = await Visible(db, viewer).Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return NotFound("team");
        TeamChange outcome;
        try
        {
            outcome = await change(db, team);
        }
        catch (DomainException ex)
        {
            return Invalid("name", ex.Message);
        }
        if (outcome.Failure is { } failure) return failure;
        await db.SaveAndPublishAsync(publisher, ct);
        await audit.RecordAsync(actor, outcome.Action!, $"Team {team.Name}", outcome.Detail ?? "", ct);
        return Done((await DetailsAsync(db, [team], ct))[0]);
    }

    /// <summary>What a change to a team did, for the audit log, or why it was refused.</summary>
    private sealed record TeamChange(string? Action, string? Detail, AdminFailure? Failure)
    {
        public static implicit operator TeamChange((string Action, string Detail) done) => new(done.Action, done.Detail, null);
        public static implicit operator TeamChange(AdminFailure failure) => new(null, null, failure);
    }

    private static IQueryable<Team> Visible(InboundDbContext db, InboxViewer viewer) =>
        viewer.IsAdmin ? db.Teams : db.Teams.Where(t => t.Members.Any(m => m.AgentId == viewer.AgentId));

    private static async Task<AdminFailure?> NameProblemAsync(InboundDbContext db, string name, Guid? except, CancellationToken ct)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) return Invalid("name", "A team needs a name.");
        if (trimmed.Length > 100) return Invalid("name", "A team's name is at most 100 characters.");
        if (await db.Teams.AnyAsync(t => t.Name == trimmed && t.Id != except, ct)) return Invalid("name", $"There is already a team called {trimmed}.");
        return null;
    }

    private static async Task<List<TeamDetails>> DetailsAsync(InboundDbContext db, IReadOnlyList<Team> teams, CancellationToken ct)
    {
        var agentIds = teams.SelectMany(t => t.Members).Select(m => m.AgentId).Distinct().ToList();
        var teamIds = teams.Select(t => t.Id).ToList();
        var agents = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.AgentId != null && agentIds.Contains(u.AgentId.Value))
            .Select(u => new { AgentId = u.AgentId!.Value, u.Id, u.DeactivatedAt }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var open = await db.Conversations.AsNoTracking().Where(c => c.TeamId != null && teamIds.Contains(c.TeamId.Value) && c.Status == ConversationStatus.Open)
            .GroupBy(c => c.TeamId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        TeamMemberInfo Member(Guid agentId)
        {
            var agent = agents[agentId];
            var account = accounts.FirstOrDefault(a => a.AgentId == agentId);
            var role = account is null ? Roles.Agent : roles.FirstOrDefault(r => r.UserId == account.Id)?.Name ?? Roles.Agent;
            return new TeamMemberInfo(agentId, agent.Name, agent.Email, role, agent.Capacity, account?.DeactivatedAt is null);
        }
        return teams.Select(t => new TeamDetails(t.Id, t.Name, t.TimeZone, t.BusinessHours,
            t.Members.Where(m => agents.ContainsKey(m.AgentId)).Select(m => Member(m.AgentId)).OrderBy(m => m.Name).ToList(),
            open.GetValueOrDefault(t.Id), t.WaitAlertMinutes, t.FirstResponseTarget, t.ResolutionTarget)).ToList();
    }
}
