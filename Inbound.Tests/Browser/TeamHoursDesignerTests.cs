using Inbound.Domain.Workflows;
using Inbound.Web.Data;
using Inbound.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class TeamHoursDesignerTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_business_hours_step_on_the_support_teams_hours_says_so_on_the_canvas()
    {
        var workflows = app.Services.GetRequiredService<WorkflowService>();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var support = await db.Teams.Where(t => t.Name == "Support").Select(t => t.Id).SingleAsync();
        var created = await workflows.CreateFromTemplateAsync("Team hours");
        var draft = created.Draft;
        ((BusinessHoursStep)draft.FindNode("hours")!).TeamId = support;
        await workflows.SaveDraftAsync(created.Id, draft);
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await page.GotoAsync($"/workflows/{created.Id}");
            var node = page.Locator(".wf-node[data-node-id='hours']");
            await Expect(node).ToContainTextAsync("Hours of Support");
            await Chromium.ScreenshotAsync(page, "designer-team-hours");
        }
        finally { await page.Context.CloseAsync(); }
    }
}
