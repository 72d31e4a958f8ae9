using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class HomePageTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task After_signing_in_the_home_page_shows_the_overview_with_the_demo_teams()
    {
        var page = await app.SignInAsync("supervisor@inbound.local", "/inbox");
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
            await Expect(page.GetByText("Open conversations")).ToBeVisibleAsync();
            foreach (var team in new[] { "Sales", "Support", "Billing" })
                await Expect(page.GetByRole(AriaRole.Cell, new() { Name = team, Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inbox" })).ToBeVisibleAsync();
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "home");
            await page.Context.CloseAsync();
        }
    }
}
