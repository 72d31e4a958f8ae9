using Inbound.Tests.Workflows.Designer;
using Inbound.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;
using static Inbound.Tests.Browser.DesignerPage;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class RatingDesignerTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_rating_step_shows_its_buttons_on_the_canvas_and_its_window_in_hours_in_the_settings()
    {
        var workflows = app.Services.GetRequiredService<WorkflowService>();
        var created = await workflows.CreateBlankAsync("Satisfaction survey");
        await workflows.SaveDraftAsync(created.Id, WorkflowSamples.Rating());
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, created.Id);
            var rate = Node(page, "rate");
            await Expect(rate).ToContainTextAsync("How did we do?");
            await Expect(rate.Locator(".wf-chip-rating")).ToHaveCountAsync(5);
            await Expect(rate.Locator(".wf-outcome-label")).ToHaveTextAsync(["Rated", "No answer in time"]);

            await rate.Locator(".wf-node-head").ClickAsync();
            var settings = page.GetByTestId("settings");
            await Expect(settings.GetByLabel("Rating question")).ToHaveValueAsync("How did we do?");
            await Expect(settings.GetByLabel("Answer window")).ToHaveValueAsync("3");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-rating");
            await page.Context.CloseAsync();
        }
    }
}
