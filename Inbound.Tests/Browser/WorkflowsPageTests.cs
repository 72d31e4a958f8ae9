using Inbound.Domain.Workflows;
using Inbound.Web.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class WorkflowsPageTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_creates_from_the_template_renames_duplicates_and_deletes_workflows_from_the_list()
    {
        var workflows = app.Services.GetRequiredService<WorkflowService>();
        foreach (var existing in await workflows.ListAsync()) await workflows.DeleteAsync(existing.Id);
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await page.GotoAsync("/workflows");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workflows", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("No workflows yet")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-ready]")).ToHaveCountAsync(1);

            await page.GetByRole(AriaRole.Button, new() { Name = "From template" }).ClickAsync();
            await Expect(page.Locator(".wf-node[data-node-id='assign-support']")).ToBeVisibleAsync();
            await Expect(page.GetByText("Ready to publish")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "designer-template");

            await page.GotoAsync("/workflows");
            await Expect(page.Locator("[data-ready]")).ToHaveCountAsync(1);
            var row = page.Locator("tr", new() { HasText = InboundConversationsTemplate.Name });
            await Expect(row).ToContainTextAsync("Draft");
            await Expect(row).ToContainTextAsync("Opened by contact · any channel");

            await row.GetByRole(AriaRole.Button, new() { Name = $"Actions for {InboundConversationsTemplate.Name}" }).ClickAsync();
            await page.GetByText("Rename", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Textbox).FillAsync("Front door");
            await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
            var renamed = page.Locator("tr", new() { HasText = "Front door" });
            await Expect(renamed).ToBeVisibleAsync();
            await Expect(renamed).ToContainTextAsync("by Alex Admin");

            await renamed.GetByRole(AriaRole.Button, new() { Name = "Actions for Front door" }).ClickAsync();
            await page.GetByText("Duplicate", new() { Exact = true }).ClickAsync();
            var copy = page.Locator("tr", new() { HasText = "Front door (copy)" });
            await Expect(copy).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "workflows");

            await copy.GetByRole(AriaRole.Button, new() { Name = "Actions for Front door (copy)" }).ClickAsync();
            await page.GetByText("Delete", new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
            await Expect(copy).ToHaveCountAsync(0);
            await Expect(renamed).ToBeVisibleAsync();

            var names = (await workflows.ListAsync()).Select(w => w.Name);
            Assert.Contains("Front door", names);
            Assert.DoesNotContain("Front door (copy)", names);
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "workflows-end");
            await page.Context.CloseAsync();
        }
    }
}
