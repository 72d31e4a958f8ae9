using Inbound.Domain.Reports;
using Inbound.Web.Accounts;
using Inbound.Web.Inbox;
using Inbound.Web.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Reports;

/// <summary>
/// Every figure of the report against values worked out by hand from <see cref="ReportDataSet"/>'s timeline.
/// Percentiles are nearest-rank: the median of four values is the second, the 90th percentile of four or five the last.
/// </summary>
public class ReportFiguresTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private ReportDataSet Data => app.Data;

    private async Task<ReportResult> ReportAsync(DateOnly from, DateOnly to, TimeZoneInfo? zone = null, Guid? team = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var admin = new InboxViewer("admin", Guid.NewGuid(), "Admin", Roles.Admin, new HashSet<Guid>());
        return (await scope.ServiceProvider.GetRequiredService<ReportQueries>().BuildAsync(admin, new ReportPeriod(from, to, zone ?? TimeZoneInfo.Utc), team))!;
    }

    private Task<ReportResult> WeekAsync(TimeZoneInfo? zone = null, Guid? team = null) => ReportAsync(ReportDataSet.Monday, ReportDataSet.Sunday, zone, team);

    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public async Task A_team_row_counts_opened_closed_and_reopened_with_median_and_p90_of_each_duration()
    {
        var alpha = (await WeekAsync()).Teams.Single(t => t.Key == Data.Alpha.ToString());

        // Opened A1 A2 A3 A4 A5; closed A1 A2 A3 A5; A5 is Anna's second within a day of A1 closing.
        Assert.Equal((5, 4, 1), (alpha.Opened, alpha.Closed, alpha.Reopened));
        // First responses 1, 5, 40, 3 min → sorted 1, 3, 5, 40.
        Assert.Equal(new DurationStats(4, M(3), M(40)), alpha.FirstResponse);
        // Assignments 30 s, 2 min, 15 min, 1 min, 15 s → sorted 15 s, 30 s, 1, 2, 15 min.
        Assert.Equal(new DurationStats(5, M(1), M(15)), alpha.Assignment);
        // Resolutions 10 min, 1 h, 2 h, 30 min → sorted 10, 30, 60, 120 min.
        Assert.Equal(new DurationStats(4, M(30), M(120)), alpha.Resolution);
    }

    [Fact]
    public async Task Closed_counts_where_it_closed_so_a_conversation_opened_before_the_period_counts_its_resolution_in_it()
    {
        var beta = (await WeekAsync()).Teams.Single(t => t.Key == Data.Beta.ToString());

        // Opened B1, B2; closed B3 (opened the Saturday before, 34 h); B2 closes after the week.
        Assert.Equal((2, 1, 0), (beta.Opened, beta.Closed, beta.Reopened));
        Assert.Equal(new DurationStats(1, TimeSpan.FromHours(34), TimeSpan.FromHours(34)), beta.Resolution);
        // B3's answer came before the week; B1 and B2 were never answered.
        Assert.Equal(new DurationStats(0, null, null), beta.FirstResponse);
        Assert.Equal(new DurationStats(1, M(1), M(1)), beta.Assignment);
    }

    [Fact]
    public async Task A_conversation_over_midnight_counts_its_opening_on_one_day_and_its_answer_and_closing_on_the_next()
    {
        var tuesday = (await ReportAsync(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), team: Data.Alpha)).Totals;
        var wednesday = (await ReportAsync(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4), team: Data.Alpha)).Totals;

        // A3 opened Tuesday 23:30 and was assigned 23:45; answered 00:10 and closed 01:30 on Wednesday, with A4 opened that day.
        Assert.Equal((1, 0), (tuesday.Opened, tuesday.Closed));
        Assert.Equal(new DurationStats(1, M(15), M(15)), tuesday.Assignment);
        Assert.Equal(new DurationStats(0, null, null), tuesday.FirstResponse);
        Assert.Equal((1, 1), (wednesday.Opened, wednesday.Closed));
        Assert.Equal(new DurationStats(2, M(3), M(40)), wednesday.FirstResponse);
        Assert.Equal(new DurationStats(1, M(120), M(120)), wednesday.Resolution);
    }

    [Fact]
    public async Task In_Berlin_the_week_starts_and_ends_an_hour_earlier_than_in_UTC()
    {
        var utc = (await WeekAsync()).Teams.Where(t => t.Key == Data.Alpha.ToString() || t.Key == Data.Beta.ToString()).Sum(t => t.Opened);
        var berlin = (await WeekAsync(Berlin)).Teams.Where(t => t.Key == Data.Alpha.ToString() || t.Key == Data.Beta.ToString()).Sum(t => t.Opened);

        // B2 opened Sunday 23:30 UTC: Monday 00:30 the next week in Berlin.
        Assert.Equal(7, utc);
        Assert.Equal(6, berlin);
    }

    [Fact]
    public async Task The_busiest_hours_are_counted_by_weekday_and_hour_in_the_chosen_zone()
    {
        var utc = (await WeekAsync(team: Data.Alpha)).Hours.Opened;
        var berlin = (await WeekAsync(Berlin, team: Data.Alpha)).Hours.Opened;

        // Monday 0, Tuesday 1, Wednesday 2 …; A1 09:00, A2 10:00, A5 20:00 Monday; A3 Tuesday 23:30; A4 Wednesday 14:00 (UTC).
        Assert.Equal([(0, 9), (0, 10), (0, 20), (1, 23), (2, 14)], Cells(utc));
        Assert.Equal([(0, 10), (0, 11), (0, 21), (2, 0), (2, 15)], Cells(berlin));
        Assert.Equal(5, berlin.Sum(day => day.Sum()));

        static List<(int, int)> Cells(int[][] map) =>
            [.. from day in Enumerable.Range(0, 7) from hour in Enumerable.Range(0, 24) where map[day][hour] > 0 select (day, hour)];
    }

    [Fact]
    public async Task Agents_channels_sources_and_categories_break_the_week_down()
    {
        var week = await WeekAsync();

        var ada = week.Agents.Single(a => a.Key == Data.Ada.ToString());
        var bo = week.Agents.Single(a => a.Key == Data.Bo.ToString());
        Assert.Equal(("Ada Report", 5, 4), (ada.Name, ada.Opened, ada.Closed));
        Assert.Equal(("Bo Report", 1, 1), (bo.Name, bo.Opened, bo.Closed));
        Assert.Equal(1, week.Agents.Single(a => a.Key == "").Opened);
        Assert.Equal((5, 2), (week.Channels.Single(c => c.Key == Data.WebChat.ToString()).Opened, week.Channels.Single(c => c.Key == Data.Api.ToString()).Opened));
        Assert.Equal((5, 2), (week.Sources.Single(s => s.Key == "Contact").Opened, week.Sources.Single(s => s.Key == "Api").Opened));
        Assert.Equal([new CategoryRow("Billing question", 2), new CategoryRow("Bug report", 2), new CategoryRow("Sales lead", 1)], week.Categories);
    }

    [Fact]
    public async Task Workflow_outcomes_count_assigned_queued_nobody_available_and_unanswered_questions()
    {
        var week = await WeekAsync();

        var outcomes = week.Outcomes.Single(o => o.Key == Data.Workflow.ToString());
        // A1 assigned, B1 queued, A2 nobody available, A4's question timed out.
        Assert.Equal((1, 1, 1, 1), (outcomes.Assigned, outcomes.Queued, outcomes.NobodyAvailable, outcomes.QuestionTimedOut));
        Assert.Equal(4, week.Workflows.Single(w => w.Key == Data.Workflow.ToString()).Opened);
        Assert.Equal(3, week.Workflows.Single(w => w.Key == "").Opened);
    }

    [Fact]
    public async Task An_empty_period_has_zero_counts_no_durations_and_an_empty_heat_map()
    {
        var empty = await ReportAsync(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 11), Berlin);

        Assert.Equal((0, 0, 0), (empty.Totals.Opened, empty.Totals.Closed, empty.Totals.Reopened));
        Assert.Equal(new DurationStats(0, null, null), empty.Totals.FirstResponse);
        Assert.Equal(new DurationStats(0, null, null), empty.Totals.Resolution);
        Assert.Empty(empty.Teams);
        Assert.Empty(empty.Categories);
        Assert.All(empty.Hours.Opened, day => Assert.All(day, count => Assert.Equal(0, count)));
    }

    [Fact]
    public async Task SLA_breaches_count_per_kind_in_the_period_the_check_saw_them()
    {
        var week = await WeekAsync();
        var alpha = week.Teams.Single(t => t.Key == Data.Alpha.ToString());
        var beta = week.Teams.Single(t => t.Key == Data.Beta.ToString());

        // A3 first reply, A4 resolution; B1 first reply (its resolution breach is next Monday, B3's was in February).
        Assert.Equal(new SlaBreachCounts(1, 1), alpha.Breaches);
        Assert.Equal(new SlaBreachCounts(1, 0), beta.Breaches);
        Assert.Equal(3, alpha.Breaches.Total + beta.Breaches.Total);
        // A3's breach was seen Tuesday 23:50 UTC: Tuesday in UTC, Wednesday in Berlin.
        Assert.Equal(1, (await ReportAsync(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), team: Data.Alpha)).Totals.Breaches.FirstResponse);
        Assert.Equal(0, (await ReportAsync(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), Berlin, Data.Alpha)).Totals.Breaches.FirstResponse);
        Assert.Equal(1, (await ReportAsync(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4), Berlin, Data.Alpha)).Totals.Breaches.FirstResponse);
    }

    [Fact]
    public async Task CSAT_counts_each_rating_when_it_was_given_with_its_average_distribution_and_comments()
    {
        var utc = await WeekAsync();
        var berlin = await WeekAsync(Berlin);

        // UTC week: Alpha A1 5, A2 2, A3 4 (11 / 3); Beta B3 3; B2's 5 came after the week.
        var alpha = utc.Teams.Single(t => t.Key == Data.Alpha.ToString()).Csat;
        Assert.Equal([0, 1, 0, 1, 1], alpha.Ratings);
        Assert.Equal((3, 3.67), (alpha.Count, alpha.Average));
        Assert.Equal([0, 1, 1, 1, 1], Mine(utc).Ratings);
        Assert.Equal((4, 3.5), (Mine(utc).Count, Mine(utc).Average));
        // Berlin's week ends an hour earlier, before A2's rating (Sunday 23:30 UTC): Alpha 5 and 4.
        Assert.Equal(4.5, berlin.Teams.Single(t => t.Key == Data.Alpha.ToString()).Csat.Average);
        // Comments newest first, each with its rating and contact.
        Assert.Equal([("Carl Alpha", 2, "Took too long"), ("Anna Alpha", 5, "Quick and kind")],
            utc.Comments.Where(c => c.ConversationId == Data.Conversations["A1"] || c.ConversationId == Data.Conversations["A2"]).Select(c => (c.Contact, c.Rating, c.Comment)));
        Assert.DoesNotContain(berlin.Comments, c => c.ConversationId == Data.Conversations["A2"]);
        // A period without ratings has no average rather than zero.
        Assert.Null((await ReportAsync(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 11))).Totals.Csat.Average);

        CsatScore Mine(ReportResult report) => new([.. Enumerable.Range(0, 5).Select(i => report.Teams
            .Where(t => t.Key == Data.Alpha.ToString() || t.Key == Data.Beta.ToString()).Sum(t => t.Csat.Ratings[i]))]);
    }

    [Fact]
    public async Task Breach_and_rating_figures_drill_down_to_their_conversations()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var drillDown = scope.ServiceProvider.GetRequiredService<ReportDrillDown>();
        var admin = new InboxViewer("admin", Guid.NewGuid(), "Admin", Roles.Admin, new HashSet<Guid>());
        var week = new ReportPeriod(ReportDataSet.Monday, ReportDataSet.Sunday, TimeZoneInfo.Utc);

        async Task<HashSet<Guid>> Ids(ReportFigure figure) =>
            [.. (await drillDown.ListAsync(admin, week, null, new DrillDownFilter(figure)))!.Conversations.Select(c => c.ConversationId)];

        Assert.Equal(new HashSet<Guid> { Data.Conversations["A3"], Data.Conversations["B1"] }, await Ids(ReportFigure.FirstResponseBreached));
        Assert.Equal(new HashSet<Guid> { Data.Conversations["A4"] }, await Ids(ReportFigure.ResolutionBreached));
        Assert.Equal(new HashSet<Guid> { Data.Conversations["A1"], Data.Conversations["A2"], Data.Conversations["A3"], Data.Conversations["B3"] },
            await Ids(ReportFigure.Rated));
    }

    [Fact]
    public async Task A_period_of_whole_days_and_one_of_edge_hours_add_up_the_same()
    {
        // The week in Berlin reads six UTC days from day buckets and 23 + 1 hours from hour buckets; its days one by one read only hours.
        var week = (await WeekAsync(Berlin, team: Data.Alpha)).Totals;
        var days = new List<ReportRow>();
        for (var day = ReportDataSet.Monday; day <= ReportDataSet.Sunday; day = day.AddDays(1))
            days.Add((await ReportAsync(day, day, Berlin, Data.Alpha)).Totals);

        Assert.Equal((week.Opened, week.Closed, week.Reopened), (days.Sum(d => d.Opened), days.Sum(d => d.Closed), days.Sum(d => d.Reopened)));
        Assert.Equal(week.FirstResponse.Count, days.Sum(d => d.FirstResponse.Count));
    }
}
