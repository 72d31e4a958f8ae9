using System.Text.RegularExpressions;
using Inbound.Domain.Agents;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Inbound.Tests.Browser.DesignerPage;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>Finding one's way on the designer's canvas: zoom, links, the panels over it, the Runs list, the keyboard.</summary>
public class WorkflowCanvasTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_seeded_workflow_opens_readable_on_its_trigger_and_zooms_in_map_like_steps()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, await SeededWorkflowAsync());
            var zoom = page.GetByTestId("zoom-level");
            await Expect(zoom).ToHaveTextAsync("100%");
            var canvas = await BoxAsync(Canvas(page));
            var trigger = Node(page, "trigger");
            var opening = await BoxAsync(trigger);
            Assert.True(Inside(opening, canvas), "The trigger shows whole when the designer opens.");
            Assert.InRange(opening.Y + opening.Height / 2, canvas.Y + canvas.Height * 0.3, canvas.Y + canvas.Height * 0.7);
            Assert.True(await Node(page, "ask-topic").Locator(".wf-node-body .wf-bubble").IsVisibleAsync(), "The step after the trigger shows too.");
            await Chromium.ScreenshotAsync(page, "designer-opening");

            // Each step scales by the same ratio, as a map's do: two steps halve the size.
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom out" }).ClickAsync();
            await Expect(zoom).ToHaveTextAsync("70%");
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom out" }).ClickAsync();
            await Expect(zoom).ToHaveTextAsync("50%");
            await UntilBoxAsync(trigger, box => Task.FromResult(Math.Abs(box.Width / opening.Width - 0.5) < 0.02), "the trigger at half its size");
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
            await Expect(zoom).ToHaveTextAsync("70%");

            // Ctrl+wheel zooms one step around the pointer, and the browser does not zoom the page with it.
            var head = await BoxAsync(trigger.Locator(".wf-node-head"));
            var (x, y) = (head.X + head.Width / 2, head.Y + head.Height / 2);
            await page.Mouse.MoveAsync(x, y);
            await page.Keyboard.DownAsync("Control");
            await page.Mouse.WheelAsync(0, -100);
            await page.Keyboard.UpAsync("Control");
            await Expect(zoom).ToHaveTextAsync("100%");
            await UntilBoxAsync(trigger.Locator(".wf-node-head"), box => Task.FromResult(box.X < x && x < box.X + box.Width && box.Y < y && y < box.Y + box.Height),
                "the trigger still under the pointer");
            Assert.Equal(1, await page.EvaluateAsync<double>("() => window.visualViewport.scale"));

            // The wheel alone scrolls the canvas.
            var before = await BoxAsync(trigger);
            await page.Mouse.WheelAsync(0, 120);
            await UntilBoxAsync(trigger, box => Task.FromResult(Math.Abs(before.Y - 120 - box.Y) < 2), "the canvas scrolled up by the wheel");
            await Expect(zoom).ToHaveTextAsync("100%");

            // Fit shows every step on demand.
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom to fit" }).ClickAsync();
            await Expect(zoom).Not.ToHaveTextAsync("100%");
            foreach (var node in await page.Locator(".wf-node").AllAsync())
                await UntilBoxAsync(node, box => Task.FromResult(Inside(box, canvas)), "every step in view after fitting");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-zoom");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_link_dropped_near_End_s_input_connects_even_zoomed_out()
    {
        var workflow = await DraftAsync("Link to End", new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 120 })
            .Add(new EndStep { Id = "end", X = 560, Y = 180 }));
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, workflow);
            // Zoomed out, where ports are a few pixels wide.
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom out" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom out" }).ClickAsync();
            await Expect(page.GetByTestId("zoom-level")).ToHaveTextAsync("50%");
            var port = OutcomePort(page, "trigger", Outcomes.Next);
            await UntilBoxAsync(port, box => Task.FromResult(box.Width < 10), "the port drawn small");

            // The press lands beside the port's dot, inside its hit area; the release on the empty canvas left of End's input.
            var dot = await BoxAsync(port);
            var input = await BoxAsync(Node(page, "end").Locator(".wf-port-in"));
            await page.Mouse.MoveAsync(dot.X + dot.Width / 2 + 9, dot.Y + dot.Height / 2);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(input.X + input.Width / 2 - 28, input.Y + input.Height / 2 + 6, new() { Steps = 10 });
            await page.Mouse.UpAsync();

            await Expect(port).ToHaveClassAsync(new Regex("has-links"));
            await Expect(Node(page, "end").Locator(".wf-port-in")).ToHaveClassAsync(new Regex("has-links"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
            await Eventually.TrueAsync(async () => (await app.Workflows().GetAsync(workflow))!.Draft.Next("trigger", Outcomes.Next)?.Id == "end",
                "the saved draft to lead from the trigger to End");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-link-near-end");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_selected_step_stays_in_view_beside_the_settings_panel()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, await SeededWorkflowAsync());
            var canvas = await BoxAsync(Canvas(page));
            // A step the panel would cover where it is: its head in view, its right part in the panel's place.
            string? id = null;
            foreach (var candidate in new[] { "ask-topic", "hours", "closed-message", "route" })
            {
                var box = await BoxAsync(Node(page, candidate).Locator(".wf-node-head"));
                if (box.X + box.Width / 2 < canvas.X + canvas.Width - 40 && box.X + box.Width > canvas.X + canvas.Width - 360) { id = candidate; break; }
            }
            Assert.NotNull(id);
            var node = Node(page, id);

            await node.Locator(".wf-node-title").ClickAsync();

            var settings = await BoxAsync(page.GetByTestId("settings"));
            await UntilBoxAsync(node, box => Task.FromResult(box.X + box.Width <= settings.X && Inside(box, canvas)), "the step beside the panel");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" })).ToBeVisibleAsync();
            Assert.False(Overlap(await BoxAsync(page.Locator(".wf-zoom")), settings), "The zoom buttons are out from under the panel.");
            await Chromium.ScreenshotAsync(page, "designer-beside-settings");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_problems_list_folds_away_once_the_admin_works_on_the_canvas()
    {
        var workflow = await DraftAsync("Unfinished", new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 120 })
            .Add(new SendMessageStep { Id = "hello", X = 400, Y = 120 }));
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, workflow);
            var list = page.Locator(".wf-issues-list");
            await Expect(list).ToBeVisibleAsync();

            await Node(page, "hello").Locator(".wf-node-title").ClickAsync();

            await Expect(page.GetByTestId("settings")).ToBeVisibleAsync();
            await Expect(list).ToBeHiddenAsync();
            await Expect(page.GetByTestId("issues")).ToContainTextAsync("problems to fix");
            await page.GetByTestId("issues").Locator("button").ClickAsync();
            await Expect(list).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_runs_list_names_contact_conversation_and_outcome_and_filters_by_search()
    {
        await app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        var definition = WorkflowTestApp.AssignStraightAway(await app.TeamIdAsync("Sales"));
        (definition.FindNode("trigger")!.X, definition.FindNode("trigger")!.Y) = (40, 160);
        (definition.FindNode("assign")!.X, definition.FindNode("assign")!.Y) = (360, 120);
        (definition.FindNode("end")!.X, definition.FindNode("end")!.Y) = (700, 160);
        var workflow = await app.PublishAsync("Straight to Sales", definition);
        var channel = new ChannelClient(app.CreateHttpClient());
        var maria = await channel.SendOkAsync("runs-1", "runs-maria", "Where is my order?", "Maria Lopez");
        var tom = await channel.SendOkAsync("runs-2", "runs-tom", "A question about my invoice", "Tom Baker");
        foreach (var conversation in new[] { maria.ConversationId, tom.ConversationId })
            await app.RunAsync(conversation, r => r.WorkflowId == workflow && r.Status == RunStatus.Completed, "the run to complete");

        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, workflow);
            await page.GetByRole(AriaRole.Tab, new() { Name = "Runs" }).ClickAsync();
            var runs = page.Locator(".wf-run");
            await Expect(runs).ToHaveCountAsync(2);
            var marias = runs.Filter(new() { HasText = "Maria Lopez" });
            await Expect(marias).ToContainTextAsync("Assigned to Ana Agent");
            await Expect(marias).ToContainTextAsync("Where is my order?");
            await Expect(runs.Filter(new() { HasText = "Tom Baker" })).ToContainTextAsync("A question about my invoice");

            var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Search runs" });
            await search.FillAsync("invoice");
            await Expect(runs).ToHaveCountAsync(1);
            await Expect(runs).ToContainTextAsync("Tom Baker");
            await search.FillAsync("maria");
            await Expect(runs).ToHaveCountAsync(1);
            await Expect(runs).ToContainTextAsync("Maria Lopez");
            await search.FillAsync("nobody like this");
            await Expect(runs).ToHaveCountAsync(0);
            await Expect(page.GetByText("No run matches")).ToBeVisibleAsync();
            await search.FillAsync("");
            await Expect(runs).ToHaveCountAsync(2);

            // The trace opens on its assignment, shown beside the panel that explains it.
            await marias.ClickAsync();
            var settings = page.GetByTestId("settings");
            await Expect(settings.GetByTestId("run-step").First).ToContainTextAsync("chosen");
            var panel = await BoxAsync(settings);
            var canvas = await BoxAsync(Canvas(page));
            await UntilBoxAsync(Node(page, "assign"), box => Task.FromResult(box.X + box.Width <= panel.X && Inside(box, canvas)), "the assignment beside the panel");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-runs");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_step_added_from_the_keyboard_lands_beside_the_selected_step()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, await SeededWorkflowAsync());
            await Node(page, "trigger").Locator(".wf-node-title").ClickAsync();
            await Expect(page.GetByTestId("settings")).ToContainTextAsync("Conversation opened");

            await page.GetByRole(AriaRole.Button, new() { Name = "Add Add tag" }).PressAsync("Enter");

            var added = Node(page, "addTag-1");
            await Expect(added).ToBeVisibleAsync();
            await Expect(page.GetByTestId("settings")).ToContainTextAsync("Add tag");
            var trigger = await BoxAsync(Node(page, "trigger"));
            var box = await BoxAsync(added);
            Assert.True(box.X >= trigger.X + trigger.Width, "The new step is right of the selected one.");
            foreach (var other in await page.Locator(".wf-node:not([data-node-id='addTag-1'])").AllAsync())
                Assert.False(Overlap(box, await BoxAsync(other)), $"The new step covers {await other.GetAttributeAsync("data-node-id")}.");
            await UntilBoxAsync(added, async b => b.X + b.Width <= (await BoxAsync(page.GetByTestId("settings"))).X, "the new step beside the panel");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-keyboard-add");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Ctrl_Z_undoes_from_anywhere_in_the_designer_but_not_inside_a_text_field()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, await SeededWorkflowAsync());
            var nodes = page.Locator(".wf-node");
            var count = await nodes.CountAsync();

            // The palette has the focus, not the canvas.
            var wait = page.GetByRole(AriaRole.Button, new() { Name = "Add Wait" });
            await wait.PressAsync("Enter");
            await Expect(nodes).ToHaveCountAsync(count + 1);
            await wait.PressAsync("Control+z");
            await Expect(nodes).ToHaveCountAsync(count);
            // Nothing has the focus.
            await page.Locator(".wf-palette-hint").ClickAsync();
            await page.Keyboard.PressAsync("Control+y");
            await Expect(Node(page, "wait-1")).ToBeVisibleAsync();

            // In a text field Ctrl+Z is the field's own: the step stays.
            await Node(page, "wait-1").Locator(".wf-node-title").ClickAsync();
            var name = page.GetByTestId("settings").GetByLabel("Name on the canvas");
            await name.FillAsync("Pause");
            await name.PressAsync("Control+z");
            await Expect(Node(page, "wait-1")).ToBeVisibleAsync();
            await Expect(nodes).ToHaveCountAsync(count + 1);
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-undo");
            await page.Context.CloseAsync();
        }
    }

    private async Task<Guid> SeededWorkflowAsync() =>
        (await app.Workflows().ListAsync()).Single(w => w.Name == InboundConversationsTemplate.Name).Id;

    private async Task<Guid> DraftAsync(string name, WorkflowDefinition definition)
    {
        var created = await app.Workflows().CreateBlankAsync(name);
        await app.Workflows().SaveDraftAsync(created.Id, definition);
        return created.Id;
    }
}
