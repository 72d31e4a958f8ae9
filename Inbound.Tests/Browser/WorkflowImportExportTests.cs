using Inbound.Domain.Workflows;
using Inbound.Tests.Workflows.Designer;
using Inbound.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class WorkflowImportExportTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_workflow_exports_to_json_and_an_import_replaces_the_draft_only_after_confirmation()
    {
        var workflows = app.Services.GetRequiredService<WorkflowService>();
        var created = await workflows.CreateFromTemplateAsync("Exported");
        var folder = Directory.CreateTempSubdirectory("inbound-import");
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await page.GotoAsync($"/workflows/{created.Id}");
            await Expect(page.Locator(".wf-designer[data-ready]")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "More actions" }).ClickAsync();
            string? href = await page.GetByText("Export to JSON").Locator("xpath=ancestor-or-self::a").GetAttributeAsync("href");
            Assert.NotNull(href);
            var exported = WorkflowJson.Deserialize(Uri.UnescapeDataString(href[(href.IndexOf(',') + 1)..]));
            Assert.Equal(WorkflowJson.Serialize(created.Draft), WorkflowJson.Serialize(exported));

            var broken = Path.Combine(folder.FullName, "broken.json");
            await File.WriteAllTextAsync(broken, "{ \"nodes\": [ { \"kind\": \"teleport\" } ] }");
            await OpenImportAsync(page);
            await page.Locator("[data-testid=import-file][data-ready=true]").SetInputFilesAsync(broken);
            await Expect(page.GetByTestId("import-error")).ToContainTextAsync("This is not a workflow file");
            await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(page.Locator(".wf-node")).ToHaveCountAsync(created.Draft.Nodes.Count);

            var everyStep = Path.Combine(folder.FullName, "every-step.json");
            await File.WriteAllTextAsync(everyStep, WorkflowJson.Serialize(WorkflowSamples.EveryStepType()));
            await OpenImportAsync(page);
            await page.Locator("[data-testid=import-file][data-ready=true]").SetInputFilesAsync(everyStep);
            await Expect(page.GetByText("Replace the current draft with it?")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Replace draft" }).ClickAsync();
            await Expect(page.Locator(".wf-node")).ToHaveCountAsync(WorkflowSamples.EveryStepType().Nodes.Count);
            Assert.Equal(WorkflowJson.Serialize(created.Draft), WorkflowJson.Serialize((await workflows.GetAsync(created.Id))!.Draft));

            // Leaving with unsaved changes asks first.
            await page.GetByRole(AriaRole.Link, new() { Name = "Back to workflows" }).ClickAsync();
            await Expect(page.GetByText("Leave without saving?")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"workflows/{created.Id}$"));

            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Expect(page.GetByText("Draft saved")).ToBeVisibleAsync();
            var saved = (await workflows.GetAsync(created.Id))!.Draft;
            Assert.Equal(WorkflowJson.Serialize(WorkflowSamples.EveryStepType()), WorkflowJson.Serialize(saved));
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-import");
            await page.Context.CloseAsync();
            folder.Delete(recursive: true);
        }
    }

    private static Task OpenImportAsync(IPage page) =>
        UntilShown.PickAsync(page.GetByRole(AriaRole.Button, new() { Name = "More actions" }), "Import from JSON",
            page.GetByText("Choose a JSON file exported from Inbound."));
}
