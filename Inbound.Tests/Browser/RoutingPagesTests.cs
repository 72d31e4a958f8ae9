using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Inbound.Tests.Browser.DesignerPage;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>What admins do in the browser around routing: skills on the users page, an old run's trace, the version history.</summary>
public class RoutingPagesTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    [Fact]
    public async Task An_admin_gives_an_agent_skills_from_the_users_page()
    {
        var page = await app.SignInAsync("admin@inbound.local", "settings/users");

        var skills = page.Locator("[data-testid=agent-skills][data-agent='Carla Agent']");
        await UntilShown.ClickAsync(skills.GetByTestId("edit-skills"), page.GetByTestId("skills-dialog"));
        await page.Locator("input[data-testid=skills-input]").FillAsync("Thai, refunds");
        await page.GetByTestId("skills-save").ClickAsync();

        await Expect(skills).ToContainTextAsync("refunds");
        await Expect(skills).ToContainTextAsync("thai");
        await Chromium.ScreenshotAsync(page, "settings-users-skills");
        Assert.Equal(["refunds", "thai"], await app.QueryAsync(db => db.Agents.Where(a => a.Email == "carla@inbound.local").Select(a => a.Skills).SingleAsync()));
    }

    private static WorkflowDefinition Tagging(string tag, bool withNote = false)
    {
        var definition = new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger", X = 40, Y = 200 })
            .Add(new AddTagStep { Id = "tag", Tag = tag, X = 360, Y = 200 })
            .Add(new EndStep { Id = "end", X = 980, Y = 200 })
            .Connect("trigger", Outcomes.Next, "tag");
        if (!withNote) return definition.Connect("tag", Outcomes.Next, "end");
        return definition.Add(new AddCommentStep { Id = "note", Text = "Tagged", X = 680, Y = 200 })
            .Connect("tag", Outcomes.Next, "note").Connect("note", Outcomes.Next, "end");
    }

    [Fact]
    public async Task An_old_run_is_drawn_over_its_own_version_with_a_banner_and_the_history_rolls_back_to_it()
    {
        var created = await app.Workflows().CreateBlankAsync($"Tagger {Guid.NewGuid():N}"[..14]);
        await app.Workflows().SaveDraftAsync(created.Id, Tagging("first"));
        await app.Workflows().PublishAsync(created.Id, by: "Alex Admin");
        var opened = await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "Hi");
        var run = await app.RunAsync(opened.ConversationId, r => r.WorkflowId == created.Id && r.Status == RunStatus.Completed, "the run on version 1");
        await app.Workflows().SaveDraftAsync(created.Id, Tagging("second", withNote: true));
        await app.Workflows().PublishAsync(created.Id, by: "Sam Supervisor");
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await OpenAsync(page, created.Id);
            await Expect(Node(page, "note")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "Runs" }).ClickAsync();
            await page.Locator(".wf-run").First.ClickAsync();

            await Expect(page.GetByTestId("trace-version-banner")).ToContainTextAsync("This run ran version 1");
            await Expect(Node(page, "note")).ToHaveCountAsync(0);
            await Expect(Node(page, "tag")).ToHaveClassAsync(new Regex("(^|\\s)visited(\\s|$)"));
            await Chromium.ScreenshotAsync(page, "designer-trace-old-version");
            await page.GetByRole(AriaRole.Tab, new() { Name = "Design" }).ClickAsync();
            await Expect(Node(page, "note")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("trace-version-banner")).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Button, new() { Name = "More actions" }).ClickAsync();
            await page.GetByTestId("open-history").ClickAsync();
            var history = page.GetByTestId("version-history");
            await Expect(history.GetByTestId("version-row")).ToHaveCountAsync(2);
            await Expect(history.Locator("[data-testid=version-row][data-version='2']")).ToContainTextAsync("Sam Supervisor");
            await Expect(history.GetByTestId("diff-added")).ToContainTextAsync("note");
            await Expect(history.GetByTestId("diff-changed")).ToContainTextAsync("tag");
            await Chromium.ScreenshotAsync(page, "designer-version-history");
            await history.Locator("[data-testid=version-row][data-version='1']").GetByTestId("roll-back").ClickAsync();
            await page.Locator(".mud-dialog", new() { HasText = "Roll back to version 1?" }).GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();

            await Expect(page.GetByText("Rolled back: version 3 is live")).ToBeVisibleAsync();
            await Expect(Node(page, "note")).ToHaveCountAsync(0);
            Assert.Equal(3, (await app.Workflows().GetAsync(created.Id))!.Versions.Max(v => v.Number));
        }
        finally
        {
            await Chromium.ScreenshotAsync(page, "designer-routing-last");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_supervisor_on_a_phone_sees_in_the_thread_why_the_conversation_went_to_its_agent()
    {
        await app.SetAvailabilityAsync("carla@inbound.local", Inbound.Domain.Agents.AgentAvailability.Online);
        await app.SetAvailabilityAsync("ben@inbound.local", Inbound.Domain.Agents.AgentAvailability.Online);
        await app.Services.GetRequiredService<Inbound.Web.Accounts.Skills.AgentSkills>().SetAsync(await app.AgentIdAsync("carla@inbound.local"), ["thai"]);
        await app.PublishAsync($"Thai {Guid.NewGuid():N}"[..12], new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new AssignToStep { Id = "assign", TeamId = await app.TeamIdAsync("Support"), RequiredSkills = ["thai"] })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "assign").Connect("assign", Outcomes.Assigned, "end").Connect("assign", Outcomes.NobodyAvailable, "end"));
        var opened = await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "สวัสดีครับ ผมต้องการคืนสินค้า");
        await app.AssignedConversationAsync(opened.ConversationId);
        var page = await app.SignInAsync("supervisor@inbound.local", "/inbox");
        await page.SetViewportSizeAsync(390, 844);
        try
        {
            await BrowserFixture.OpenAsync(page, $"/inbox/{opened.ConversationId}");
            var why = page.GetByTestId("assignment-explanation");
            await why.Locator("summary").ClickAsync();

            await Expect(why).ToContainTextAsync("Why Carla Agent?");
            await Expect(why.Locator("[data-testid=assignment-candidate]", new() { HasText = "Ben Agent" })).ToContainTextAsync("lacks thai");
            await Chromium.ScreenshotAsync(page, "inbox-assignment-explanation-390");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_supervisor_gives_a_full_agent_one_more_conversation_only_after_saying_so()
    {
        await app.SetCapacityAsync("ben@inbound.local", 1);
        var channel = new ChannelClient(app.CreateHttpClient());
        var first = (await channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "First")).ConversationId;
        var second = (await channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "Second")).ConversationId;
        await using (var admin = await InboxUser.SignInAsync(app, "admin@inbound.local"))
        {
            var ben = await app.AgentIdAsync("ben@inbound.local");
            (await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{first}/reassign", new { agentId = ben })).EnsureSuccessStatusCode();
            (await admin.Http().PostAsJsonAsync($"api/inbox/conversations/{second}/reassign", new { teamId = await app.TeamIdAsync("Support") })).EnsureSuccessStatusCode();
        }
        var page = await app.SignInAsync("supervisor@inbound.local", "/inbox");
        try
        {
            await BrowserFixture.OpenAsync(page, $"/inbox/{second}");
            await UntilShown.ClickAsync(page.GetByTestId("reassign"), page.GetByTestId("reassign-dialog"));
            await page.Locator("[data-agent='Ben Agent'] input").ClickAsync();

            await Expect(page.GetByTestId("reassign-confirm")).ToBeDisabledAsync();
            await Expect(page.GetByTestId("reassign-over-capacity")).ToContainTextAsync("Ben Agent goes to 2 of 1 open conversations");
            await page.GetByTestId("reassign-over-capacity").Locator("input").CheckAsync();
            await Chromium.ScreenshotAsync(page, "inbox-reassign-over-capacity");
            await page.GetByTestId("reassign-confirm").ClickAsync();

            await Expect(page.Locator("[data-testid=system-event]", new() { HasText = "over capacity (2 of 1 open)" })).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
