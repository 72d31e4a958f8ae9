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

    [Fact]
    public async Task The_overview_counts_a_new_conversation_without_a_reload()
    {
        var page = await app.SignInAsync("supervisor@inbound.local", "/inbox");
        try
        {
            await BrowserFixture.OpenAsync(page, "/");
            var open = page.Locator(".mud-paper", new() { HasText = "Open conversations" }).GetByTestId("stat-value");
            await Expect(open).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
            var before = int.Parse(await open.TextContentAsync() ?? "");

            var channel = new ChannelClient(app.CreateHttpClient());
            (await channel.SendAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Is anyone there?")).EnsureSuccessStatusCode();

            await Expect(open).ToHaveTextAsync((before + 1).ToString());
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "overview-live");
            await page.Context.CloseAsync();
        }
    }
}
