using Inbound.Domain.Reports;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Reports;

/// <summary>
/// Builds a report from the buckets: the period's whole UTC days from day buckets and its edges from hour buckets, so
/// a 90-day report reads a few thousand rows however many conversations and messages it covers. Periods are counted
/// in whole UTC hours: in a zone with a half-hour offset, the first and last half hour follow the UTC hour.
/// </summary>
public sealed class ReportQueries(IDbContextFactory<InboundDbContext> dbFactory)
{
    /// <returns>Null when <paramref name="teamId"/> is not one of the viewer's teams.</returns>
    public async Task<ReportResult?> BuildAsync(InboxViewer viewer, ReportPeriod period, Guid? teamId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ReportScope.TeamIdsAsync(db, viewer, teamId, ct) is not { } teamIds) return null;

        var rows = await BucketsAsync(db, period, teamIds, ct);
        var sums = new Dictionary<(ReportDimension, string), Sum>();
        var totals = new Sum();
        foreach (var row in rows)
        {
            var key = row.Dimension == ReportDimension.Team ? row.TeamId.ToString() : row.Key;
            if (!sums.TryGetValue((row.Dimension, key), out var sum)) sums[(row.Dimension, key)] = sum = new Sum();
            sum.Add(row);
            if (row.Dimension == ReportDimension.Team) totals.Add(row);
        }

        var names = await ReportNames.LoadAsync(db, ct);
        IReadOnlyList<ReportRow> Rows(ReportDimension dimension) => sums.Where(s => s.Key.Item1 == dimension)
            .Select(s => s.Value.ToRow(s.Key.Item2, names.Of(dimension, s.Key.Item2)))
            .OrderByDescending(r => r.Opened).ThenBy(r => r.Name).ToList();

        var outcomes = sums.Where(s => s.Key.Item1 == ReportDimension.Workflow && s.Key.Item2 != "")
            .Select(s => new OutcomeRow(s.Key.Item2, names.Of(ReportDimension.Workflow, s.Key.Item2), s.Value.Assigned, s.Value.Queued, s.Value.NobodyAvailable, s.Value.QuestionTimedOut))
            .OrderBy(o => o.Name).ToList();
        var categories = sums.Where(s => s.Key.Item1 == ReportDimension.Category && s.Value.Closed != 0)
            .Select(s => new CategoryRow(s.Key.Item2, s.Value.Closed)).OrderByDescending(c => c.Closed).ThenBy(c => c.Category).ToList();

        return new ReportResult(period.From, period.To, period.Zone.Id, teamId, totals.ToRow("", "All"), Rows(ReportDimension.Team), Rows(ReportDimension.Agent),
            Rows(ReportDimension.Channel), Rows(ReportDimension.Workflow), Rows(ReportDimension.Source), outcomes, categories,
            await HeatMapAsync(db, period, teamIds, ct), await CsatComments.ListAsync(db, period, teamIds, names, ct));
    }

    /// <summary>The teams the viewer may pick a report of.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> TeamsAsync(InboxViewer viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReportScope.TeamsAsync(db, viewer, ct);
    }

    private static async Task<List<ReportBucket>> BucketsAsync(InboundDbContext db, ReportPeriod period, List<Guid> teamIds, CancellationToken ct)
    {
        var start = ReportContributions.HourOf(period.StartUtc);
        var end = period.EndUtc;
        var firstDay = start.TimeOfDay == TimeSpan.Zero ? start : start.Date.AddDays(1);
        var lastDay = end.Date;
        var buckets = db.Set<ReportBucket>().AsNoTracking().Where(b => teamIds.Contains(b.TeamId));
        if (firstDay >= lastDay)
            return await buckets.Where(b => b.Grain == BucketGrain.Hour && b.Start >= start && b.Start < end).ToListAsync(ct);
        var days = await buckets.Where(b => b.Grain == BucketGrain.Day && b.Start >= firstDay && b.Start < lastDay).ToListAsync(ct);
        // Two range scans: SQLite answers an OR of two ranges by scanning every hour bucket.
        var head = await buckets.Where(b => b.Grain == BucketGrain.Hour && b.Start >= start && b.Start < firstDay).ToListAsync(ct);
        var tail = await buckets.Where(b => b.Grain == BucketGrain.Hour && b.Start >= lastDay && b.Start < end).ToListAsync(ct);
        return [.. days, .. head, .. tail];
    }

    private static async Task<HeatMap> HeatMapAsync(InboundDbContext db, ReportPeriod period, List<Guid> teamIds, CancellationToken ct)
    {
        var start = ReportContributions.HourOf(period.StartUtc);
        var end = period.EndUtc;
        var hours = await db.Set<ReportBucket>().AsNoTracking()
            .Where(b => b.Grain == BucketGrain.Hour && b.Dimension == ReportDimension.Team && teamIds.Contains(b.TeamId)
                && b.Start >= start && b.Start < end && b.Opened != 0)
            .Select(b => new { b.Start, b.Opened }).ToListAsync(ct);
        var map = HeatMap.Empty();
        foreach (var hour in hours)
        {
            var local = period.ToLocal(hour.Start);
            map.Opened[HeatMap.DayIndex(local.DayOfWeek)][local.Hour] += hour.Opened;
        }
        return map;
    }

    private sealed class Sum
    {
        public int Opened, Closed, Reopened, Assigned, Queued, NobodyAvailable, QuestionTimedOut, FirstResponseBreaches, ResolutionBreaches;
        private readonly int[] _ratings = new int[5];
        private readonly DurationHistogram _firstResponse = new(), _assignment = new(), _resolution = new();

        public void Add(ReportBucket b)
        {
            Opened += b.Opened;
            Closed += b.Closed;
            Reopened += b.Reopened;
            Assigned += b.Assigned;
            Queued += b.Queued;
            NobodyAvailable += b.NobodyAvailable;
            QuestionTimedOut += b.QuestionTimedOut;
            FirstResponseBreaches += b.FirstResponseBreaches;
            ResolutionBreaches += b.ResolutionBreaches;
            _ratings[0] += b.Rated1;
            _ratings[1] += b.Rated2;
            _ratings[2] += b.Rated3;
            _ratings[3] += b.Rated4;
            _ratings[4] += b.Rated5;
            _firstResponse.MergeBytes(b.FirstResponse);
            _assignment.MergeBytes(b.Assignment);
            _resolution.MergeBytes(b.Resolution);
        }

        public ReportRow ToRow(string key, string name) => new(key, name, Opened, Closed, Reopened,
            DurationStats.Of(_firstResponse), DurationStats.Of(_assignment), DurationStats.Of(_resolution),
            new SlaBreachCounts(FirstResponseBreaches, ResolutionBreaches), new CsatScore([.. _ratings]));
    }
}
