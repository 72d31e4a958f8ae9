using Inbound.Domain.Agents;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Reports;
using Inbound.Tests.Workflows;
using Inbound.Web.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>
/// The browser on an installation whose every request reads in Thai, with <see cref="ReportDataSet"/>'s week in it.
/// Every request comes from a browser that prefers Thai.
/// </summary>
public sealed class ThaiBrowserFixture : BrowserFixture
{
    public ThaiBrowserFixture() => ReadInThai(this);

    /// <summary>Every request of <paramref name="app"/> comes from a browser that prefers Thai.</summary>
    public static void ReadInThai(InboundApp app) => app.WithServices(s => s.AddTransient<IStartupFilter, ThaiRequests>());

    public ReportDataSet Data { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Data = await ReportDataSet.SeedAsync(this);
    }

    // A Thai browser: every request asks for Thai first, so the app's own request localization picks Thai.
    private sealed class ThaiRequests : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Request.Headers.AcceptLanguage = "th-TH,th;q=0.9";
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The Thai browser on an installation without the demo workflow: the tests' own workflows are the only ones that run.</summary>
public sealed class ThaiNoWorkflowsBrowserFixture : BrowserFixture
{
    public ThaiNoWorkflowsBrowserFixture()
    {
        With("Seed:DemoWorkflow", "false");
        ThaiBrowserFixture.ReadInThai(this);
    }
}

public class ThaiAdminPagesTests(ThaiBrowserFixture app) : IClassFixture<ThaiBrowserFixture>
{
    [Fact]
    public async Task A_thai_supervisor_reads_the_report_in_thai_on_a_desk_and_on_a_phone()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/workflows");
        await BrowserFixture.OpenAsync(page, $"/reports?from=2026-03-02&to=2026-03-08&zone=Asia%2FBangkok&team={app.Data.Alpha}");

        await Expect(page.Locator("#page-title")).ToHaveTextAsync("รายงาน");
        await Expect(page.Locator("[data-testid=table-teams]")).ToContainTextAsync("ตอบกลับครั้งแรก");
        await Expect(page.Locator("[data-testid=report-total]").First).ToContainTextAsync("เปิด");
        await Expect(page.Locator("[data-testid=chart-teams] svg").First).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "reports-page-th");

        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("[data-testid=chart-hours] svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "reports-page-th-390.png"), FullPage = true });
    }

    [Fact]
    public async Task A_thai_admin_designs_a_workflow_in_thai()
    {
        var workflow = (await app.Services.GetRequiredService<WorkflowService>().ListAsync())[0];
        var page = await app.SignInAsync("admin@inbound.local", "/workflows");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "เวิร์กโฟลว์", Exact = true })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "workflows-page-th");

        await page.GotoAsync($"/workflows/{workflow.Id}");
        await Expect(page.Locator(".wf-designer[data-ready]")).ToBeVisibleAsync();
        await Expect(page.GetByText("ลากขั้นตอนไปวางบนผืนผ้าใบ")).ToBeVisibleAsync();
        await Expect(page.Locator(".wf-palette-name", new() { HasText = "ส่งข้อความ" })).ToBeVisibleAsync();
        await Expect(page.Locator(".wf-node-trigger .wf-node-kind").First).ToHaveTextAsync("ทริกเกอร์");
        await Chromium.ScreenshotAsync(page, "designer-th");
    }

    [Fact]
    public async Task A_thai_admin_reads_why_a_run_went_where_it_went_in_thai()
    {
        await app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        var workflow = await app.PublishAsync("ส่งตรงถึงฝ่ายขาย", WorkflowTestApp.AssignStraightAway(await app.TeamIdAsync("Sales")));
        var sent = await new ChannelClient(app.CreateHttpClient()).SendOkAsync("th-runs-1", "th-runs-somsri", "พัสดุของฉันอยู่ที่ไหน", "สมศรี");
        await app.RunAsync(sent.ConversationId, r => r.WorkflowId == workflow && r.Status == RunStatus.Completed, "the run to complete");
        var page = await app.SignInAsync("admin@inbound.local", "/workflows");
        try
        {
            await page.GotoAsync($"/workflows/{workflow}");
            await Expect(page.Locator(".wf-designer[data-ready]")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "การทำงาน" }).ClickAsync();
            var run = page.Locator(".wf-run", new() { HasText = "สมศรี" });
            await Expect(run.GetByTestId("run-outcome")).ToContainTextAsync("มอบหมายให้");

            await run.ClickAsync();
            var steps = page.GetByTestId("settings").GetByTestId("run-step");
            await Expect(steps.First).ToBeVisibleAsync();
            // Whoever had it first (this workflow or the installation's own), the reason is said in Thai.
            await Expect(steps.First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("หมุนเวียน|อยู่แล้ว"));
            await Expect(steps.First).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex("Round robin|Already assigned|chosen|assigned|Ended"));
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-run-reasons-th");
        }
    }

    [Fact]
    public async Task A_thai_admin_reads_what_is_wrong_with_a_new_channel_in_thai()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/workflows");
        try
        {
            await BrowserFixture.OpenAsync(page, "/settings/channels");
            await UntilShown.ClickAsync(page.Locator("[data-testid=add-channel]"), page.Locator("[data-testid=channel-dialog]"));
            await page.Locator("input[data-testid=channel-name]").FillAsync("ฝ่ายขาย");
            await page.Locator("input[data-testid=channel-key]").FillAsync("sales-th");
            await page.Locator("[data-testid=channel-save]").ClickAsync();

            await Expect(page.Locator("[data-testid=channel-error]")).ToHaveTextAsync("ช่องทางใหม่ต้องมีรหัสลับอย่างน้อย 16 ตัวอักษร");
            await Chromium.ScreenshotAsync(page, "channel-dialog-error-th");
            await page.SetViewportSizeAsync(390, 844);
            await Expect(page.Locator("[data-testid=channel-error]")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "channel-dialog-error-th-390");
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-channel-dialog-th");
            throw;
        }
    }
}
