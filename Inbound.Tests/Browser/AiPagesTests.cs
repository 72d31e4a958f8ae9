using Inbound.Tests.Workflows.Designer;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Knowledge;
using Inbound.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;
using static Inbound.Tests.Browser.DesignerPage;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>An admin sets up AI: the step on the canvas, the AI settings with a write-only key, the knowledge articles.</summary>
public class AiPagesTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_ai_step_shows_its_settings_on_the_canvas_and_its_three_outcomes()
    {
        var workflows = app.Services.GetRequiredService<WorkflowService>();
        var created = await workflows.CreateBlankAsync("AI first");
        await workflows.SaveDraftAsync(created.Id, WorkflowSamples.AiAnswer());
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, created.Id);
            var answer = Node(page, "answer");
            await Expect(answer).ToContainTextAsync("You answer for Acme Shoes.");
            await Expect(answer.Locator(".wf-outcome-label")).ToHaveTextAsync(["Answered", "Hand over to a person", "Failure"]);

            await answer.Locator(".wf-node-head").ClickAsync();
            await Expect(page.GetByTestId("settings").GetByLabel("Answers before handing over")).ToHaveValueAsync("2");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-ai-step");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_ai_settings_never_show_the_saved_key_only_that_one_is_set()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/settings/ai");
        try
        {
            await page.Locator("#ai-api-key").FillAsync("sk-very-secret");
            await page.GetByTestId("ai-save").ClickAsync();
            await Expect(page.GetByTestId("ai-saved")).ToBeVisibleAsync();
            await Expect(page.GetByText("A key is set.")).ToBeVisibleAsync();
            await Expect(page.Locator("#ai-api-key")).ToHaveValueAsync("");
            Assert.DoesNotContain("sk-very-secret", await page.ContentAsync());
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "settings-ai");
            await page.SetViewportSizeAsync(390, 900);
            await Chromium.ScreenshotAsync(page, "settings-ai-390");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_article_added_while_ai_is_off_is_listed_as_failed_with_the_reason()
    {
        await app.Services.GetRequiredService<KnowledgeBase>().AddAsync("Opening hours", "We are open Monday to Friday, 8 to 18.", "hours.md", Actor.System);
        var page = await app.SignInAsync("admin@inbound.local", "/settings/knowledge");
        try
        {
            await page.Locator("#knowledge-title").FillAsync("Returns");
            await page.Locator("#knowledge-text").FillAsync("You can return an item within 30 days.");
            await page.GetByTestId("knowledge-add").ClickAsync();

            var returns = page.GetByTestId("knowledge-row").Filter(new() { HasText = "Returns" });
            await Expect(returns).ToContainTextAsync("Failed");
            await Expect(returns).ToContainTextAsync("AI is switched off");
            await Expect(page.GetByTestId("knowledge-row").Filter(new() { HasText = "Opening hours" })).ToContainTextAsync("hours.md");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "settings-knowledge");
            await page.Context.CloseAsync();
        }
    }
}
