using Inbound.Tests.Reports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>The browser with <see cref="ReportDataSet"/>'s week in the app.</summary>
public sealed class ReportsBrowserFixture : BrowserFixture
{
    public ReportDataSet Data { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await ReportDataSet.SeedAsync(this);
    }
}

public class ReportsPageTests(ReportsBrowserFixture app) : IClassFixture<ReportsBrowserFixture>
{
    private const string Week = "from=2026-03-02&to=2026-03-08&zone=Europe%2FBerlin";

    [Fact]
    public async Task The_reports_page_draws_its_charts_for_a_seeded_week_and_a_table_downloads_as_csv()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/reports");
        await BrowserFixture.OpenAsync(page, $"/reports?{Week}&team={app.Data.Alpha}");

        await Expect(page.Locator("[data-testid=report-period]")).ToContainTextAsync("2 Mar 2026 – 8 Mar 2026 · Europe/Berlin");
        await Expect(page.Locator("[data-testid=report-total][data-label=Opened] [data-testid=report-total-value]")).ToHaveTextAsync("5");
        await Expect(page.Locator("[data-testid=report-total][data-label='First response, median'] [data-testid=report-total-value]")).ToHaveTextAsync("3m");
        foreach (var chart in new[] { "teams", "hours", "channels", "outcomes", "categories" })
            await Expect(page.Locator($"[data-testid=chart-{chart}] svg").First).ToBeVisibleAsync();
        // The bar chart has a bar per team and series (Alpha: opened and closed).
        await Expect(page.Locator("[data-testid=chart-teams] svg path.mud-chart-bar")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid=table-teams] [data-testid=report-row]")).ToContainTextAsync("30m · 2h");
        await page.Locator("[data-testid=report]").ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "reports-page-full.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "reports-page.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=csv-teams]").ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal("inbound-teams-2026-03-02-2026-03-08.csv", download.SuggestedFilename);
        Assert.StartsWith("team,opened,closed,reopened_within_a_day,first_response_median_s", csv);
        Assert.Contains(",5,4,1,180,2400,60,900,1800,7200\r\n", csv);

        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("[data-testid=chart-hours] svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "reports-page-390.png"), FullPage = true });
    }

    [Fact]
    public async Task A_figure_opens_the_conversations_behind_it_each_linking_to_its_thread()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/reports");
        await BrowserFixture.OpenAsync(page, $"/reports?{Week}&team={app.Data.Alpha}");

        await page.Locator("[data-testid=report-total][data-label='Reopened within a day'] a").ClickAsync();

        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Reopened within a day");
        await Expect(page.Locator("[data-testid=drilldown-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=drilldown-row] a")).ToHaveAttributeAsync("href", $"inbox/{app.Data.Conversations["A5"]}");
        await Expect(page.Locator("[data-testid=drilldown-row]")).ToContainTextAsync("Anna Alpha");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "reports-drilldown.png"), FullPage = true });
    }
}
