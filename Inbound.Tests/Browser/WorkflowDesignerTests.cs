using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Inbound.Tests.Browser.DesignerPage;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class WorkflowDesignerTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_draws_and_publishes_a_workflow_that_then_answers_and_assigns_a_contact()
    {
        var workflows = app.Services.GetRequiredService<WorkflowService>();
        // The demo's own workflow would also start on the conversation: this test is about the drawn one alone.
        foreach (var existing in await workflows.ListAsync())
            if (existing.Status == WorkflowStatus.Published) await workflows.DisableAsync(existing.Id);
        var created = await workflows.CreateBlankAsync("Welcome bot");
        await workflows.SaveDraftAsync(created.Id, new WorkflowDefinition());

        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await page.GotoAsync($"/workflows/{created.Id}");
            await Expect(page.Locator(".wf-designer[data-ready]")).ToBeVisibleAsync();
            await Expect(page.GetByText("Add a trigger: every workflow starts from one trigger.")).ToBeVisibleAsync();

            await DragFromPaletteAsync(page, NodeKind.ConversationOpened, 30, 60);
            await DragFromPaletteAsync(page, NodeKind.AskQuestion, 320, 40);
            await DragFromPaletteAsync(page, NodeKind.AssignTo, 320, 300);
            await DragFromPaletteAsync(page, NodeKind.End, 620, 330);
            await Expect(page.Locator(".wf-node")).ToHaveCountAsync(4);

            // The palette works from the keyboard too: Enter adds the step in view.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add Add tag" }).PressAsync("Enter");
            await Expect(Node(page, "addTag-1")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete step" }).ClickAsync();
            await Expect(page.Locator(".wf-node")).ToHaveCountAsync(4);

            // A step dropped by mistake goes with the Delete key, and comes back with undo.
            await DragFromPaletteAsync(page, NodeKind.Wait, 30, 400);
            await Node(page, "wait-1").Locator(".wf-node-head").ClickAsync();
            await page.Keyboard.PressAsync("Delete");
            await Expect(page.Locator(".wf-node")).ToHaveCountAsync(4);
            await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
            await Expect(Node(page, "wait-1")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Redo" }).ClickAsync();
            await Expect(page.Locator(".wf-node")).ToHaveCountAsync(4);

            // Each step dropped where the settings panel opens was panned into view beside it: show them all again.
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom to fit" }).ClickAsync();
            await LinkAsync(page, "conversationOpened-1", Outcomes.Next, "askQuestion-1");
            await LinkAsync(page, "askQuestion-1", Outcomes.Answered, "assignTo-1");
            await LinkAsync(page, "askQuestion-1", Outcomes.Invalid, "assignTo-1");
            await LinkAsync(page, "assignTo-1", Outcomes.Assigned, "end-1");
            await LinkAsync(page, "assignTo-1", Outcomes.NobodyAvailable, "end-1");

            await Node(page, "askQuestion-1").Locator(".wf-node-head").ClickAsync();
            var settings = page.GetByTestId("settings");
            await Expect(settings.Locator(".wf-settings-head")).ToContainTextAsync("Enrichment");
            await settings.GetByLabel("Question").FillAsync("What is your order number?");
            await settings.GetByLabel("Question").BlurAsync();
            await Expect(Node(page, "askQuestion-1").Locator(".wf-node-summary")).ToContainTextAsync("What is your order number?");
            await Expect(Node(page, "askQuestion-1").Locator(".wf-node-body .wf-bubble")).ToHaveTextAsync("What is your order number?");

            await Node(page, "assignTo-1").Locator(".wf-node-head").ClickAsync();
            await Expect(settings.Locator(".wf-settings-head")).ToContainTextAsync("Assignment");
            await UntilShown.PickAsync(settings.Locator(".mud-select", new() { HasText = "Team" }).First, "Support",
                Node(page, "assignTo-1").Locator(".wf-node-summary", new() { HasText = "Assign to Support" }));
            // The team is applied and its list closed before the next control is used.
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
            await settings.GetByText("Online agents only").ClickAsync();
            await Expect(Node(page, "assignTo-1").Locator(".wf-node-summary")).ToHaveTextAsync("Assign to Support · round robin · within capacity");
            await Expect(Node(page, "assignTo-1").Locator(".wf-node-body")).Not.ToContainTextAsync("Online only");
            await Expect(Node(page, "assignTo-1").Locator(".wf-node-body .wf-fact-strong")).ToHaveTextAsync("Support");
            await Chromium.ScreenshotAsync(page, "designer-settings");

            await Expect(page.GetByText("Ready to publish")).ToBeVisibleAsync();
            await page.GetByTestId("publish").ClickAsync();
            await Expect(page.GetByTestId("workflow-status")).ToHaveTextAsync("Live · version 1");
            await page.Mouse.ClickAsync(900, 700);
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("designer.png") });

            var published = (await workflows.GetAsync(created.Id))!;
            Assert.Equal(WorkflowStatus.Published, published.Status);
            Assert.Equal(
                ["conversationOpened-1 next askQuestion-1", "askQuestion-1 answered assignTo-1", "askQuestion-1 invalid assignTo-1", "assignTo-1 assigned end-1", "assignTo-1 nobodyAvailable end-1"],
                published.Draft.Edges.Select(e => $"{e.FromNodeId} {e.Outcome} {e.ToNodeId}"));

            var channel = new ChannelClient(app.CreateHttpClient());
            await channel.SendOkAsync("designer-1", "contact-designer", "Hi, where is my parcel?", "Dana");
            var conversation = await Eventually.GetAsync(() => app.QueryAsync(db => db.Conversations.AsNoTracking().FirstOrDefaultAsync()), "the conversation");
            await WhenAsync(db => db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Outbound).ToListAsync(),
                messages => messages.Any(m => m.Body == "What is your order number?"), "the workflow's question");

            await channel.SendOkAsync("designer-2", "contact-designer", "A-1234");
            var assigned = await WhenAsync(db => db.Conversations.AsNoTracking().FirstAsync(c => c.Id == conversation.Id), c => c.AssigneeId is not null, "the assignment");
            var support = await app.QueryAsync(db => db.Teams.AsNoTracking().FirstAsync(t => t.Name == "Support"));
            var supportAgents = await app.QueryAsync(db => db.TeamMembers.AsNoTracking().Where(m => m.TeamId == support.Id).Select(m => m.AgentId).ToListAsync());
            Assert.Contains(assigned.AssigneeId!.Value, supportAgents);

            // The Runs tab draws that conversation's trace over the canvas and explains the assignment.
            await WhenAsync(db => db.WorkflowRuns.AsNoTracking().FirstAsync(r => r.WorkflowId == created.Id), r => r.Status == Inbound.Domain.Workflows.Runs.RunStatus.Completed, "the run to complete");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Runs" }).ClickAsync();
            await page.Locator(".wf-run").First.ClickAsync();
            await Expect(Node(page, "askQuestion-1")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("visited"));
            await Expect(page.GetByTestId("run-variables")).ToContainTextAsync("A-1234");
            await Expect(Node(page, "askQuestion-1").Locator(".wf-outcome[data-outcome='answered']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("taken"));
            await Expect(Node(page, "askQuestion-1").Locator(".wf-outcome[data-outcome='invalid']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("taken"));
            await Node(page, "assignTo-1").Locator(".wf-node-head").ClickAsync();
            await Expect(page.GetByTestId("run-step").First).ToContainTextAsync("chosen");
            await page.ScreenshotAsync(new() { Path = ScreenshotPath("designer-trace.png") });

            // The conversation's page links to the run, which opens with its trace drawn.
            await BrowserFixture.OpenAsync(page, $"/inbox/{conversation.Id}");
            await page.GetByTestId("conversation-runs").GetByText("Welcome bot v1 · Completed").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"workflows/{created.Id}\\?run="));
            await Expect(Node(page, "assignTo-1")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("visited"));
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_jump_s_card_names_its_target_by_the_name_the_admin_gives_it()
    {
        var workflows = app.Services.GetRequiredService<WorkflowService>();
        var created = await workflows.CreateBlankAsync("Every step");
        await workflows.SaveDraftAsync(created.Id, Inbound.Tests.Workflows.Designer.WorkflowSamples.EveryStepType());

        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, created.Id);
            var target = Node(page, "again").Locator(".wf-node-body .wf-chip");
            await Expect(target).ToHaveTextAsync("Assign to");

            await Node(page, "assign-team").Locator(".wf-node-head").ClickAsync();
            var name = page.GetByTestId("settings").GetByLabel("Name on the canvas");
            await name.FillAsync("Support desk");
            await name.BlurAsync();

            await Expect(target).ToHaveTextAsync("Support desk");
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-every-step");
            await page.Context.CloseAsync();
        }
    }

    private static async Task DragFromPaletteAsync(IPage page, NodeKind kind, int x, int y)
    {
        var item = page.Locator($".wf-palette-item[data-kind='{kind}']");
        await item.DragToAsync(page.Locator(".wf-canvas .diagram-canvas"), new() { TargetPosition = new() { X = x, Y = y } });
        // A new step opens its settings; close them to see the whole canvas again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Close settings" }).ClickAsync();
    }

    /// <summary>Drags from an outcome's port to the middle of another step, as a person draws a link.</summary>
    private static async Task LinkAsync(IPage page, string fromId, string outcome, string toId)
    {
        var port = OutcomePort(page, fromId, outcome);
        var from = (await port.BoundingBoxAsync())!;
        var to = (await Node(page, toId).Locator(".wf-node-head").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Expect(port).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("has-links"));
    }

    /// <summary>Waits until a query of the app's database gives a value that passes <paramref name="done"/>.</summary>
    private Task<T> WhenAsync<T>(Func<Inbound.Web.Data.InboundDbContext, Task<T>> query, Func<T, bool> done, string what) where T : class =>
        Eventually.GetAsync<T>(async () => await app.QueryAsync(query) is { } value && done(value) ? value : null, what, TimeSpan.FromSeconds(20));

    // Kept with the other screenshots of the run; README's copies in docs/screenshots are refreshed from there by hand.
    private static string ScreenshotPath(string name)
    {
        Directory.CreateDirectory(Chromium.ScreenshotFolder);
        return Path.Combine(Chromium.ScreenshotFolder, name);
    }
}
