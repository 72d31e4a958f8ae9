using System.Net;
using System.Text.Json;
using Inbound.Tests.Admin;

namespace Inbound.Tests.Reports;

/// <summary>api/reports as a supervisor's script would call it: who may read what, and the live path from an agent's work to a figure.</summary>
public class ReportsApiTests(ReportsApp app) : IClassFixture<ReportsApp>
{
    private const string Week = "from=2026-03-02&to=2026-03-08&zone=Europe/Berlin";

    [Theory]
    [InlineData("api/reports")]
    [InlineData("api/reports/csv/teams")]
    [InlineData("api/reports/conversations?figure=Opened")]
    public async Task Agents_are_forbidden_every_report_endpoint(string path)
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");

        using var response = await ana.Http().GetAsync($"{path}{(path.Contains('?') ? '&' : '?')}{Week}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_supervisor_reports_on_their_teams_only_and_another_teams_report_csv_and_conversations_are_not_found()
    {
        await using var supervisor = await InboxUser.SignInAsync(app, "supervisor@inbound.local");
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var alpha = app.Data.Alpha;

        foreach (var path in new[] { $"api/reports?{Week}&team={alpha}", $"api/reports/csv/teams?{Week}&team={alpha}", $"api/reports/conversations?figure=Opened&{Week}&team={alpha}" })
            Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http().GetAsync(path)).StatusCode);
        // Without a team, the supervisor's report covers their teams: Alpha's week is not in it.
        var mine = await (await supervisor.Http().GetAsync($"api/reports?{Week}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, mine.GetProperty("totals").GetProperty("opened").GetInt32());
        var listed = await (await supervisor.Http().GetAsync($"api/reports/conversations?figure=Opened&{Week}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(listed.GetProperty("conversations").EnumerateArray());

        var alphaReport = await (await admin.Http().GetAsync($"api/reports?{Week}&team={alpha}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, alphaReport.GetProperty("totals").GetProperty("opened").GetInt32());
        var reopened = await (await admin.Http().GetAsync($"api/reports/conversations?figure=Reopened&{Week}&team={alpha}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([app.Data.Conversations["A5"]], reopened.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("conversationId").GetGuid()));
    }

    [Fact]
    public async Task Every_table_downloads_as_csv_and_an_unknown_table_or_zone_is_refused()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");

        foreach (var table in new[] { "teams", "agents", "channels", "workflows", "sources", "outcomes", "categories", "hours" })
        {
            using var response = await admin.Http().GetAsync($"api/reports/csv/{table}?{Week}&team={app.Data.Alpha}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length >= 2, table);
        }
        var hours = await admin.Http().GetStringAsync($"api/reports/csv/hours?{Week}&team={app.Data.Alpha}");
        Assert.Contains("Monday,0,0,0,0,0,0,0,0,0,0,1,1,0,0,0,0,0,0,0,0,0,1,0,0\r\n", hours);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http().GetAsync($"api/reports/csv/secrets?{Week}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http().GetAsync("api/reports?zone=Mars/Olympus")).StatusCode);
    }

    [Fact]
    public async Task An_agents_work_through_the_inbox_reaches_todays_report_as_it_happens()
    {
        await using var supervisor = await InboxUser.SignInAsync(app, "supervisor@inbound.local");
        await using var ben = await InboxUser.SignInAsync(app, "ben@inbound.local");
        var conversations = new Conversations(app);
        var before = await TodayAsync(supervisor);

        var id = await conversations.OpenAssignedAsync(ben, "Support", "Rita Report");
        (await ben.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = "Hello Rita" })).EnsureSuccessStatusCode();
        (await ben.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/close", new { category = "Resolved", summary = "Done" })).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(async () =>
        {
            var now = await TodayAsync(supervisor);
            return now.Closed == before.Closed + 1 && now.Answered == before.Answered + 1;
        }, "the closed conversation in today's report");
    }

    private static async Task<(int Closed, long Answered)> TodayAsync(InboxUser user)
    {
        // Without dates, the report covers the last 7 days up to today by the app's clock.
        var report = await (await user.Http().GetAsync("api/reports?zone=UTC")).JsonAsync(HttpStatusCode.OK);
        var totals = report.GetProperty("totals");
        return (totals.GetProperty("closed").GetInt32(), totals.GetProperty("firstResponse").GetProperty("count").GetInt64());
    }
}
