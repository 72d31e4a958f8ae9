using System.Globalization;
using System.Text;

namespace Inbound.Web.Reports;

/// <summary>Every table of the report as CSV (RFC 4180, durations in seconds so that a spreadsheet can compute with them).</summary>
public static class ReportCsv
{
    public static readonly string[] Tables = ["teams", "agents", "channels", "workflows", "sources", "outcomes", "categories", "hours", "sla", "csat", "comments"];

    public static string? Write(ReportResult report, string table) => table switch
    {
        "teams" => Breakdown("team", report.Teams),
        "agents" => Breakdown("agent", report.Agents),
        "channels" => Breakdown("channel", report.Channels),
        "workflows" => Breakdown("workflow", report.Workflows),
        "sources" => Breakdown("source", report.Sources),
        "outcomes" => Lines(["workflow", "assigned", "queued", "nobody_available", "question_timed_out"],
            report.Outcomes.Select(o => new object?[] { o.Name, o.Assigned, o.Queued, o.NobodyAvailable, o.QuestionTimedOut })),
        "categories" => Lines(["category", "closed"], report.Categories.Select(c => new object?[] { c.Category, c.Closed })),
        "hours" => Lines(["weekday", .. Enumerable.Range(0, 24).Select(h => h.ToString("00", CultureInfo.InvariantCulture))],
            report.Hours.Opened.Select((hours, day) => new object?[] { ReportFormat.Weekdays[day] }.Concat(hours.Cast<object?>()).ToArray())),
        "sla" => Lines(["team", "first_response_breaches", "resolution_breaches"],
            report.Teams.Select(t => new object?[] { t.Name, t.Breaches.FirstResponse, t.Breaches.Resolution })),
        "csat" => Lines(["team", "ratings", "average", "rated_1", "rated_2", "rated_3", "rated_4", "rated_5"],
            report.Teams.Select(t => (object?[])[t.Name, t.Csat.Count, t.Csat.Average, .. t.Csat.Ratings.Cast<object?>()])),
        "comments" => Lines(["rated_at_utc", "contact", "team", "rating", "comment"],
            report.Comments.Select(c => new object?[] { c.RatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), c.Contact, c.Team, c.Rating, c.Comment })),
        _ => null,
    };

    private static string Breakdown(string name, IReadOnlyList<ReportRow> rows) =>
        Lines([name, "opened", "closed", "reopened_within_a_day",
                "first_response_median_s", "first_response_p90_s", "assignment_median_s", "assignment_p90_s", "resolution_median_s", "resolution_p90_s"],
            rows.Select(r => new object?[] { r.Name, r.Opened, r.Closed, r.Reopened,
                Seconds(r.FirstResponse.Median), Seconds(r.FirstResponse.P90), Seconds(r.Assignment.Median), Seconds(r.Assignment.P90),
                Seconds(r.Resolution.Median), Seconds(r.Resolution.P90) }));

    private static long? Seconds(TimeSpan? value) => value is { } v ? (long)v.TotalSeconds : null;

    private static string Lines(IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Field)).Append("\r\n");
        foreach (var row in rows)
            csv.AppendJoin(',', row.Select(v => Field(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        return csv.ToString();
    }

    private static string Field(string value)
    {
        // A leading = + - @ would run as a formula in a spreadsheet: names come from contacts and admins.
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !long.TryParse(value, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
