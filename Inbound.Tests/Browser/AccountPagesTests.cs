using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class AccountPagesTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Signing_in_from_a_login_link_with_a_return_path_lands_on_that_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("account/login?ReturnUrl=/workflows");

        await page.Locator("#email").FillAsync("admin@inbound.local");
        await page.Locator("#password").FillAsync(InboundApp.DemoPassword);
        await page.Locator("button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/workflows$"));
    }

    [Fact]
    public async Task An_agent_creates_a_personal_token_sees_it_once_and_revokes_it()
    {
        var page = await app.SignInAsync("dev@inbound.local", "account/profile");

        await page.Locator("input[data-testid=token-name]").FillAsync("CRM sync");
        await page.Locator("[data-testid=token-create]").ClickAsync();
        var secret = await page.Locator("[data-testid=token-secret] code").InnerTextAsync();
        await Chromium.ScreenshotAsync(page, "profile-tokens");

        using var api = app.CreateHttpClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("api/inbox/me")).StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(page.GetByText("Revoked", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync("api/inbox/me")).StatusCode);
    }

    [Fact]
    public async Task An_admin_changes_an_agents_capacity_on_the_settings_page()
    {
        var page = await app.SignInAsync("admin@inbound.local", "settings/users");

        var row = page.Locator("[data-testid=user-row]", new() { HasText = "carla@inbound.local" });
        await Expect(row).ToBeVisibleAsync();
        await row.Locator("input[aria-label='Capacity of Carla Agent']").FillAsync("9");
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Saved Carla Agent")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "settings-users");

        Assert.Equal(9, await app.QueryAsync(db => db.Agents.Where(a => a.Email == "carla@inbound.local").Select(a => a.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task An_agent_sets_their_availability_from_the_app_bar()
    {
        var page = await app.SignInAsync("ben@inbound.local", "inbox");

        await page.Locator("[data-testid=appbar-user]").ClickAsync();
        await Chromium.ScreenshotAsync(page, "appbar-menu");
        await UntilShown.PickAsync(page.Locator("[data-testid=appbar-user]"), "Online", page.Locator("[data-testid=availability]", new() { HasText = "Online" }));

        await Expect(page.Locator("[data-testid=availability]")).ToHaveTextAsync("Online");
        Assert.Equal(Inbound.Domain.Agents.AgentAvailability.Online,
            await app.QueryAsync(db => db.Agents.Where(a => a.Email == "ben@inbound.local").Select(a => a.Availability).SingleAsync()));
    }
}
