using Bunit;
using Inbound.Tests.Localization;
using Inbound.Web.Reports;

namespace Inbound.Tests.Reports;

public class BreakdownTableTests : MudComponentTest
{
    private static readonly ReportLinks Links = new("from=2026-03-02&to=2026-03-08&zone=UTC");

    private static ReportRow Row(string key, string name) => new(key, name, 5, 4, 1,
        new DurationStats(4, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(40)),
        new DurationStats(0, null, null),
        new DurationStats(4, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)),
        new SlaBreachCounts(0, 0), new CsatScore(new int[5]));

    private IRenderedComponent<BreakdownTable> RenderTable(params ReportRow[] rows) => Render<BreakdownTable>(p => p
        .Add(t => t.Title, "Agents").Add(t => t.Heading, "Agent").Add(t => t.Csv, "agents")
        .Add(t => t.Dimension, ReportDimension.Agent).Add(t => t.Rows, rows).Add(t => t.Links, Links));

    [Fact]
    public void Each_figure_links_to_its_conversations_and_durations_read_median_then_p90()
    {
        var agent = Guid.NewGuid().ToString();
        var table = RenderTable(Row(agent, "Ada"));

        var cells = table.FindAll("[data-testid=report-row] td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Ada", "5", "4", "1", "3m · 40m", "—", "30m · 2h"], cells);
        Assert.Equal($"reports/conversations?{Links.Query}&figure=Reopened&dimension=Agent&key={agent}",
            table.FindAll("[data-testid=report-row] a")[2].GetAttribute("href"));
        Assert.Equal($"api/reports/csv/agents?{Links.Query}", table.Find("[data-testid=csv-agents]").GetAttribute("href"));
    }

    [Fact]
    public void An_empty_breakdown_says_so_instead_of_an_empty_table()
    {
        var table = RenderTable();

        Assert.Contains("Nothing in this period.", table.Markup);
        Assert.Empty(table.FindAll("table"));
    }

    [Fact]
    public void A_thai_supervisor_reads_the_column_headings_in_thai()
    {
        using var thai = ThaiCulture.Use();

        var headings = RenderTable(Row(Guid.NewGuid().ToString(), "Ada")).FindAll("th").Select(h => h.TextContent).ToList();

        Assert.Equal(["Agent", "เปิด", "ปิด", "เปิดใหม่", "ตอบกลับครั้งแรกมัธยฐาน · p90", "การมอบหมายมัธยฐาน · p90", "การแก้ไขปัญหามัธยฐาน · p90"], headings);
    }
}
