using System.Text.Json;
using Inbound.Tests.Workflows;
using Inbound.Tests.Workflows.Simulator;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Inbound.Tests.Browser.DesignerPage;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>An admin tests a draft with an AI step: the simulator shows what the model answered and from which article.</summary>
public class SimulatorAiPanelTests(AiBrowserFixture app) : IClassFixture<AiBrowserFixture>
{
    private const string Answer = "You can return an item within 30 days of delivery for a full refund.";

    [Fact]
    public async Task The_simulator_panel_shows_the_ai_answer_its_source_and_the_path_it_took()
    {
        await app.Services.GetRequiredService<KnowledgeBase>().AddAsync("Returns policy",
            "You can return an item within 30 days of delivery for a full refund.", null, Actor.System);
        await Eventually.TrueAsync(() => app.QueryAsync(db => db.Set<KnowledgeArticle>().AllAsync(a => a.Status == KnowledgeStatus.Ready)), "the article to be indexed");
        app.Ai.Answer(m => m.Contains("return a scarf", StringComparison.Ordinal), JsonSerializer.Serialize(new { status = "answered", answer = Answer, sources = new[] { 1 } }));
        var created = await app.Workflows().CreateBlankAsync("AI answers (draft)");
        await app.Workflows().SaveDraftAsync(created.Id, AiSimulatorSamples.AnswerWithAi());
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, created.Id);
            await page.GetByTestId("test-draft").ClickAsync();
            var simulator = page.GetByTestId("simulator");
            await simulator.Locator("input[data-testid=sim-first-message]").FillAsync("Can I return a scarf I bought last week?");
            await simulator.GetByTestId("sim-start").ClickAsync();

            var ai = simulator.GetByTestId("sim-ai");
            await Expect(ai.GetByTestId("sim-ai-text")).ToHaveTextAsync(Answer);
            await Expect(ai.GetByTestId("sim-ai-sources")).ToContainTextAsync("Returns policy");
            await Expect(ai).ToContainTextAsync("AI step: answered");
            await Expect(simulator.GetByTestId("sim-thread").GetByText(Answer)).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "designer-simulator-ai");
            await page.SetViewportSizeAsync(390, 844);
            await Expect(ai.GetByTestId("sim-ai-text")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "designer-simulator-ai-390");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
