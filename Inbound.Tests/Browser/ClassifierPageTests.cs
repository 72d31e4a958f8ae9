using Inbound.Tests.Classifier;
using Inbound.Tests.Workflows;
using Inbound.Web.Classifier;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inbound.Tests.Browser.DesignerPage;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class ClassifierPageTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_trains_a_model_sees_its_held_out_accuracy_approves_it_and_the_classify_card_shows_its_labels()
    {
        await app.ClosedConversationsAsync(new PastConversations(seed: 21).Generate(perTeam: 30));
        var page = await app.SignInAsync("admin@inbound.local", "/settings/classifier");
        try
        {
            await Expect(page.GetByTestId("classifier-none-approved")).ToBeVisibleAsync();
            // Training or trained: a second click would only train again once this one is done.
            await UntilShown.ClickAsync(page.GetByTestId("classifier-train"),
                page.Locator("[data-testid=classifier-model], [data-testid=classifier-state] .mud-progress-linear").First);
            await Expect(page.GetByTestId("classifier-state")).ToContainTextAsync("A new model was trained on 90 conversations", new() { Timeout = 90_000 });

            var model = page.GetByTestId("classifier-model");
            await Expect(model.GetByTestId("classifier-accuracy")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\s?%$"));
            await Expect(model.GetByTestId("classifier-labels").Locator("tbody tr")).ToHaveCountAsync(3);
            await model.GetByTestId("classifier-approve").ClickAsync();
            await Expect(model.GetByTestId("classifier-in-use")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "classifier-page");
            await page.SetViewportSizeAsync(390, 844);
            await Chromium.ScreenshotAsync(page, "classifier-page-phone");
            await page.SetViewportSizeAsync(1400, 900);

            var labels = await app.Services.GetRequiredService<ClassifierAdministration>().ApprovedLabelsAsync();
            var teams = await app.QueryAsync(db => db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id));
            var created = await app.Workflows().CreateBlankAsync("Route by topic");
            var definition = ClassifierHistory.RouteByTopic(labels!, teams);
            foreach (var (node, i) in definition.Nodes.Select((n, i) => (n, i)))
                (node.X, node.Y) = node switch
                {
                    Inbound.Domain.Workflows.ConversationOpenedTrigger => (40, 200),
                    Inbound.Domain.Workflows.ClassifyStep => (360, 200),
                    Inbound.Domain.Workflows.EndStep => (1040, 200),
                    _ => (700, 40 + 160 * (i - 3)),
                };
            await app.Workflows().SaveDraftAsync(created.Id, definition);

            await OpenAsync(page, created.Id);
            var classify = Node(page, "classify");
            await Expect(classify.GetByTestId("classify-labels")).ToContainTextAsync("Billing");
            await Expect(classify.Locator(".wf-outcome-label")).ToHaveTextAsync(["Billing", "Sales", "Support", "Unsure"]);
            await classify.Locator(".wf-node-head").ClickAsync();
            await Expect(page.GetByTestId("settings").GetByLabel("Confidence needed")).ToHaveValueAsync("40");
            await Chromium.ScreenshotAsync(page, "designer-classify");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "classifier-last");
            await page.Context.CloseAsync();
        }
    }
}
