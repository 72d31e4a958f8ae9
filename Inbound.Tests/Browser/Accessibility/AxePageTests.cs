using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser.Accessibility;

/// <summary>
/// axe-core (embedded by Deque.AxeCore.Playwright) on every page an agent, an admin or a visitor uses, in English and
/// in Thai: a serious or critical violation (a control without a name, text below contrast, a broken landmark) fails.
/// </summary>
public class AxePageTests(AccessibilityFixture app) : IClassFixture<AccessibilityFixture>
{
    private const string Admin = "admin@inbound.local";
    private const string Agent = "ana@inbound.local";

    public static TheoryData<string, string> PagesInBothLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "sign-in", "inbox", "overview", "designer", "workflows", "users", "profile", "web-chat" })
            foreach (var language in new[] { AccessibilityFixture.English, AccessibilityFixture.Thai })
                data.Add(page, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInBothLanguages))]
    public async Task Page_has_no_serious_or_critical_accessibility_violations(string name, string language)
    {
        var page = await OpenAsync(name, language);
        try
        {
            var violations = await AccessibilityFixture.SeriousViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{name} ({language}):\n" + string.Join("\n", violations));
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, $"failure-axe-{name}-{language}");
            throw;
        }
    }

    /// <summary>Opens the page and waits for what it is about: the thread of the inbox, the canvas of the designer.</summary>
    private async Task<IPage> OpenAsync(string name, string language)
    {
        switch (name)
        {
            case "sign-in":
            {
                var page = await app.NewPageInAsync(language);
                await page.GotoAsync("/account/login");
                await Expect(page.Locator("#email")).ToBeVisibleAsync();
                return page;
            }
            case "web-chat":
            {
                var page = await app.NewPageInAsync(language, 390, 844);
                await page.GotoAsync("/chat");
                await Expect(page.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync();
                return page;
            }
            case "inbox":
            {
                var id = await app.ConversationAsync();
                var page = await app.PageAsync(Agent, language);
                await BrowserFixture.OpenAsync(page, $"/inbox/{id}");
                await Expect(page.Locator("[data-testid=inbound]").First).ToBeVisibleAsync();
                await Expect(page.Locator("[data-testid=conversation-item]").First).ToBeVisibleAsync();
                return page;
            }
            case "designer":
            {
                var page = await app.PageAsync(Admin, language);
                await BrowserFixture.OpenAsync(page, $"/workflows/{await app.WorkflowAsync()}");
                await Expect(page.Locator(".diagram-node").First).ToBeVisibleAsync();
                return page;
            }
            default:
            {
                var path = name switch
                {
                    "overview" => "/",
                    "workflows" => "/workflows",
                    "users" => "/settings/users",
                    "profile" => "/account/profile",
                    _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
                };
                var page = await app.PageAsync(Admin, language);
                await BrowserFixture.OpenAsync(page, path);
                // Past the loading placeholders: the page's own content has rendered.
                await Expect(page.Locator("main")).Not.ToBeEmptyAsync();
                await Expect(page.Locator("main .mud-skeleton, main .mud-progress-circular")).ToHaveCountAsync(0);
                return page;
            }
        }
    }
}
