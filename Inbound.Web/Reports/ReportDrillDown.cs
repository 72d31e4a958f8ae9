using Inbound.Domain.Conversations;
using Inbound.Domain.Reports;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Reports;

/// <summary>A figure of the report: a count, or the conversations a duration was measured on.</summary>
public enum ReportFigure
{
    Opened,
    Closed,
    Reopened,
    FirstResponse,
    Assignment,
    Resolution,
    Assigned,
    Queued,
    NobodyAvailable,
    QuestionTimedOut,
    FirstResponseBreached,
    ResolutionBreached,
    Rated,
}

/// <summary>Which conversations a figure counts: the figure, optionally one row of a breakdown, optionally one cell of the heat map.</summary>
public sealed record DrillDownFilter(ReportFigure Figure, ReportDimension? Dimension = null, string? Key = null, int? Day = null, int? Hour = null);

public sealed record DrillDownRow(Guid ConversationId, string Contact, string Team, string Agent, string Channel, DateTime OpenedAt, DateTime? ClosedAt, string? Category);

public sealed record DrillDownResult(int Total, IReadOnlyList<DrillDownRow> Conversations);

/// <summary>Lists the conversations behind a report figure, from the facts the figure was counted from, newest first.</summary>
public sealed class ReportDrillDown(IDbContextFactory<InboundDbContext> dbFactory)
{
    public const int Limit = 200;

    /// <returns>Null when <paramref name="teamId"/> is not one of the viewer's teams.</returns>
    public async Task<DrillDownResult?> ListAsync(InboxViewer viewer, ReportPeriod period, Guid? teamId, DrillDownFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ReportScope.TeamIdsAsync(db, viewer, teamId, ct) is not { } teamIds) return null;
        var facts = Filtered(db.Set<ConversationFact>().AsNoTracking(), teamIds, filter);

        var total = 0;
        var rows = new List<ConversationFact>();
        foreach (var (from, to) in Ranges(period, filter))
        {
            var inRange = InRange(facts, filter.Figure, from, to);
            total += await inRange.CountAsync(ct);
            if (rows.Count < Limit) rows.AddRange(await inRange.OrderByDescending(f => f.OpenedAt).Take(Limit - rows.Count).ToListAsync(ct));
        }
        var names = await ReportNames.LoadAsync(db, ct);
        var contactIds = rows.Select(r => r.ContactId).Distinct().ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new DrillDownResult(total, rows.OrderByDescending(r => r.OpenedAt).Select(r => new DrillDownRow(r.ConversationId,
            contacts.GetValueOrDefault(r.ContactId) ?? "Unknown contact", names.Team(r.TeamId), names.Agent(r.AgentId), names.Channel(r.ChannelId),
            r.OpenedAt, r.ClosedAt, r.ClosingCategory)).ToList());
    }

    /// <summary>The UTC ranges to read: the whole period, or for a heat-map cell each hour of the period that falls in it.</summary>
    private static IEnumerable<(DateTime From, DateTime To)> Ranges(ReportPeriod period, DrillDownFilter filter)
    {
        var start = ReportContributions.HourOf(period.StartUtc);
        if (filter is not { Day: { } day, Hour: { } hour })
        {
            yield return (start, period.EndUtc);
            yield break;
        }
        for (var at = start; at < period.EndUtc; at = at.AddHours(1))
        {
            var local = period.ToLocal(at);
            if (HeatMap.DayIndex(local.DayOfWeek) == day && local.Hour == hour) yield return (at, at.AddHours(1));
        }
    }

    private static IQueryable<ConversationFact> Filtered(IQueryable<ConversationFact> facts, List<Guid> teamIds, DrillDownFilter filter)
    {
        var noTeam = teamIds.Contains(Guid.Empty);
        facts = facts.Where(f => f.TeamId == null ? noTeam : teamIds.Contains(f.TeamId.Value));
        facts = filter.Figure switch
        {
            ReportFigure.Reopened => facts.Where(f => f.Reopened),
            ReportFigure.Assigned => facts.Where(f => f.Outcome == WorkflowOutcome.Assigned),
            ReportFigure.Queued => facts.Where(f => f.Outcome == WorkflowOutcome.Queued),
            ReportFigure.NobodyAvailable => facts.Where(f => f.Outcome == WorkflowOutcome.NobodyAvailable),
            ReportFigure.QuestionTimedOut => facts.Where(f => f.Outcome == WorkflowOutcome.QuestionTimedOut),
            _ => facts,
        };
        var key = filter.Key ?? "";
        Guid? id = Guid.TryParse(key, out var parsed) && parsed != Guid.Empty ? parsed : null;
        return filter.Dimension switch
        {
            ReportDimension.Team => facts.Where(f => f.TeamId == id),
            ReportDimension.Agent => facts.Where(f => f.AgentId == id),
            ReportDimension.Channel => facts.Where(f => f.ChannelId == (id ?? Guid.Empty)),
            ReportDimension.Workflow => facts.Where(f => f.WorkflowId == id),
            ReportDimension.Source => Enum.TryParse<ConversationSource>(key, out var source) ? facts.Where(f => f.Source == source) : facts.Where(f => false),
            ReportDimension.Category => facts.Where(f => f.ClosingCategory == key),
            _ => facts,
        };
    }

    private static IQueryable<ConversationFact> InRange(IQueryable<ConversationFact> facts, ReportFigure figure, DateTime from, DateTime to) => figure switch
    {
        ReportFigure.Closed or ReportFigure.Resolution => facts.Where(f => f.ClosedAt >= from && f.ClosedAt < to),
        ReportFigure.FirstResponse => facts.Where(f => f.FirstResponseAt >= from && f.FirstResponseAt < to),
        ReportFigure.Assignment => facts.Where(f => f.AssignedAt >= from && f.AssignedAt < to),
        ReportFigure.FirstResponseBreached => facts.Where(f => f.FirstResponseBreachedAt >= from && f.FirstResponseBreachedAt < to),
        ReportFigure.ResolutionBreached => facts.Where(f => f.ResolutionBreachedAt >= from && f.ResolutionBreachedAt < to),
        ReportFigure.Rated => facts.Where(f => f.CsatRatedAt >= from && f.CsatRatedAt < to),
        _ => facts.Where(f => f.OpenedAt >= from && f.OpenedAt < to),
    };
}
