using System.Net;
using Inbound.Tests.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class RepliesPageTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task A_canned_response_an_admin_adds_is_offered_in_the_composer_with_the_contacts_name_filled_in()
    {
        var admin = await app.SignInAsync("admin@inbound.local", "settings/replies");
        try
        {
            await admin.Locator("#canned-shortcut").FillAsync("welcome");
            await UntilShown.PickAsync(admin.Locator(".mud-select", new() { HasText = "For" }).First, "Everyone",
                admin.Locator(".mud-select", new() { HasText = "Everyone" }).First);
            await admin.Locator("#canned-text").FillAsync("Welcome aboard, {{contact.name}}! I'm {{agent.name}}.");
            await admin.GetByTestId("canned-save").ClickAsync();
            await Expect(admin.Locator("[data-testid=canned-row]", new() { HasText = "/welcome" })).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(admin, "settings-replies");
        }
        catch
        {
            await Chromium.ScreenshotAsync(admin, "failure-replies-admin");
            throw;
        }

        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var conversation = await _conversations.OpenAssignedAsync(ana, "Sales", "Olivia Onboard");
        var agent = await app.SignInAsync("ana@inbound.local", $"inbox/{conversation}");
        try
        {
            await agent.Locator("textarea[data-testid=composer-input]").FillAsync("/aboard");
            var offered = agent.Locator("[data-testid=canned-item]", new() { HasText = "/welcome" });
            await Expect(offered).ToBeVisibleAsync();
            await offered.ClickAsync();
            await Expect(agent.Locator("textarea[data-testid=composer-input]")).ToHaveValueAsync("Welcome aboard, Olivia Onboard! I'm Ana Agent.");
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-replies-agent");
            throw;
        }
    }
}
