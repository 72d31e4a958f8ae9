using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>An agent whose browser asks for English picks Thai on their profile: the app speaks Thai from then on.</summary>
public class ProfileLanguageTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_agent_who_chooses_Thai_on_their_profile_gets_Thai_pages_and_keeps_them_after_signing_in_again()
    {
        var page = await app.SignInAsync("ana@inbound.local", "account/profile");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        var language = page.Locator("[data-testid=preferences] .mud-select").First;
        await UntilShown.PickAsync(language, "ไทย (Thai)", page.Locator("[data-testid=preferences] .mud-select", new() { HasText = "ไทย (Thai)" }).First);
        await page.Locator("[data-testid=preferences-save]").ClickAsync();

        // The save reloads the page through account/preferences/apply, which writes the culture cookie.
        await Expect(page).ToHaveURLAsync(new Regex("account/profile$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "th");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "โปรไฟล์", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-navmenu").GetByText("กล่องข้อความ", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-layout[data-interactive=true]")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "profile-th");

        // Signed out from the account menu and in again, the app still speaks Thai.
        var signOut = page.Locator("[data-testid=sign-out]");
        await UntilShown.ClickAsync(page.Locator("[data-testid=appbar-user]"), signOut);
        await signOut.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("account/login"));
        await SignInAsync(page);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "th");
        await Expect(page.Locator(".mud-navmenu").GetByText("กล่องข้อความ", new() { Exact = true })).ToBeVisibleAsync();

        // So does another browser (no cookie of this one, an English Accept-Language): the choice is the profile's.
        var other = await app.NewPageAsync();
        await other.GotoAsync("account/login");
        await SignInAsync(other);
        await Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "th");
        await Expect(other.Locator(".mud-navmenu").GetByText("กล่องข้อความ", new() { Exact = true })).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.Locator("#email").FillAsync("ana@inbound.local");
        await page.Locator("#password").FillAsync(InboundApp.DemoPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".mud-layout[data-interactive=true]")).ToBeVisibleAsync();
    }
}
