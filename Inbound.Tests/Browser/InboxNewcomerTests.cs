using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>What a newcomer hit in a day with the inbox: each test would have caught one of those.</summary>
public class InboxNewcomerTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    private const string Entries = "[data-testid=thread-entries]";
    private readonly Conversations _conversations = new(app);
    private readonly ChannelClient _channel = new(app.CreateHttpClient());

    private static readonly string[] ContactLines =
    [
        "Hi! I ordered the standing desk last week and the tracking page has not moved since Tuesday.",
        "The order number is 48213. It says \"label created\" and nothing else.",
        "Also, could I change the colour from oak to walnut if it has not shipped yet?",
        "I need it before the 20th, I start a new job from home that week.",
    ];

    private static readonly string[] AgentLines =
    [
        "Thanks for the details! Let me look the order up.",
        "I see it: the warehouse is waiting for the walnut top, so changing the colour is still possible.",
        "Done, it is walnut now. The new estimate is the 17th.",
    ];

    [Fact]
    public async Task A_long_thread_opens_at_its_newest_message_follows_new_ones_and_offers_a_pill_when_scrolled_up()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var contact = $"c-{Guid.NewGuid():N}";
        var id = (await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, ContactLines[0], "Maria Lopez")).ConversationId;
        await _conversations.AssignAsync(id, ana.AgentId, await _conversations.TeamIdAsync("Sales"));
        // A thread far taller than the pane: 2,000 px and more of older messages below the first.
        for (var i = 0; i < 14; i++)
        {
            await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, ContactLines[(i + 1) % ContactLines.Length], "Maria Lopez");
            using var reply = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{id}/replies", new { text = AgentLines[i % AgentLines.Length] });
            reply.EnsureSuccessStatusCode();
        }
        await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "Perfect, thank you so much!", "Maria Lopez");
        // Two more conversations for the list, and Ana at work (the README's picture comes from this run).
        var tom = await _conversations.OpenAssignedAsync(ana, "Sales", "Tom Becker");
        await _conversations.WorkflowReplyAsync(tom, "Thanks Tom! An agent will be with you shortly.");
        var priya = await _conversations.OpenAssignedAsync(ana, "Sales", "Priya Shah");
        (await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{priya}/replies", new { text = "Your invoice is attached to the order now." })).EnsureSuccessStatusCode();
        (await ana.Http().PutAsJsonAsync("api/inbox/me/availability", new { availability = "Online" })).EnsureSuccessStatusCode();
        await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "Thanks again, have a nice day.", "Maria Lopez");

        var page = await app.SignInAsync("ana@inbound.local", $"/inbox/{id}");
        try
        {
            await Expect(page.Locator("[data-testid=inbound]").Last).ToContainTextAsync("Thanks again, have a nice day.");
            await page.WaitForFunctionAsync($"() => {{ const el = document.querySelector('{Entries}'); " +
                "return el.scrollHeight - el.clientHeight > 2000 && el.scrollHeight - el.scrollTop - el.clientHeight < 4; }");
            await Chromium.ScreenshotAsync(page, "inbox");

            // At the bottom, a new message is followed.
            await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "One more thing: is assembly included?", "Maria Lopez");
            var followed = page.Locator("[data-testid=inbound]", new() { HasText = "is assembly included?" });
            await Expect(followed).ToBeInViewportAsync();
            await Expect(page.GetByTestId("new-messages")).ToHaveCountAsync(0);

            // Scrolled up to read, the agent stays where they are and gets a pill instead.
            await page.Locator(Entries).EvaluateAsync("el => el.scrollTop = 0");
            await Expect(page.Locator("[data-testid=inbound]").First).ToBeInViewportAsync();
            await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "And the old desk, can you take it away?", "Maria Lopez");
            var pill = page.GetByTestId("new-messages");
            await Expect(pill).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator(Entries).EvaluateAsync<double>("el => el.scrollTop"));
            await Expect(page.Locator("[data-testid=inbound]", new() { HasText = "take it away?" })).Not.ToBeInViewportAsync();
            await Chromium.ScreenshotAsync(page, "inbox-new-messages-pill");

            await pill.ClickAsync();
            await Expect(page.Locator("[data-testid=inbound]", new() { HasText = "take it away?" })).ToBeInViewportAsync();
            await Expect(pill).ToHaveCountAsync(0);

            // On a phone the thread still opens at its newest message.
            await page.SetViewportSizeAsync(390, 844);
            await BrowserFixture.OpenAsync(page, $"/inbox/{id}");
            await Expect(page.Locator("[data-testid=inbound]", new() { HasText = "take it away?" })).ToBeInViewportAsync();
            await Chromium.ScreenshotAsync(page, "inbox-390");
            await page.GetByTestId("back").ClickAsync();
            await Expect(page.Locator("[data-testid=conversation-item]", new() { HasText = "Maria Lopez" })).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "inbox-390-list");
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-inbox-scroll");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_list_says_you_only_for_the_agents_own_reply_and_names_the_workflow_for_its_own()
    {
        await using var carla = await InboxUser.SignInAsync(app, "carla@inbound.local");
        var byWorkflow = await _conversations.OpenAssignedAsync(carla, "Support", "Wanda Workflow");
        await _conversations.WorkflowReplyAsync(byWorkflow, "Thanks, an agent will be with you shortly");
        var byCarla = await _conversations.OpenAssignedAsync(carla, "Support", "Yusuf Yours");
        using var reply = await carla.Http().PostAsJsonAsync($"api/inbox/conversations/{byCarla}/replies", new { text = "Your refund is on its way" });
        reply.EnsureSuccessStatusCode();

        var page = await app.SignInAsync("carla@inbound.local", "/inbox");
        try
        {
            await Expect(Preview(page, "Wanda Workflow")).ToHaveTextAsync("Workflow: Thanks, an agent will be with you shortly");
            await Expect(Preview(page, "Yusuf Yours")).ToHaveTextAsync("You: Your refund is on its way");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_queued_conversation_whose_last_message_is_the_queue_notice_shows_how_long_it_waits()
    {
        // Nobody in Sales online (another test here may have left someone so): a queued conversation goes to whoever is.
        foreach (var email in new[] { "ana@inbound.local", "dev@inbound.local", "supervisor@inbound.local" })
            await Inbound.Tests.Workflows.WorkflowTestApp.SetAvailabilityAsync(app, email, Inbound.Domain.Agents.AgentAvailability.Offline);
        var id = await _conversations.OpenAsync("Quentin Queued", "Hello, is anyone there?");
        await _conversations.QueueWithNoticeAsync(id, await _conversations.TeamIdAsync("Sales"), TimeSpan.FromMinutes(12),
            "Everyone is busy right now: you are number 1 in line.");

        var page = await app.SignInAsync("ana@inbound.local", "/inbox");
        try
        {
            await page.Locator("[data-testid=filters]").GetByText("Queue").ClickAsync();
            var item = page.Locator("[data-testid=conversation-item]", new() { HasText = "Quentin Queued" });
            await Expect(item.Locator(".inbox-item-preview")).ToContainTextAsync("Workflow: Everyone is busy");
            await Expect(item.Locator(".inbox-item-waiting")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*1[23]m\s*$"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Reassign_lists_the_teams_agents_first_with_availability_and_load_and_warns_before_an_offline_pick()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var id = await _conversations.OpenAssignedAsync(ana, "Sales", "Rita Reassign");
        var open = await app.QueryAsync(db => db.Conversations.CountAsync(c => c.AssigneeId == ana.AgentId && c.Status == Inbound.Domain.Conversations.ConversationStatus.Open));

        var page = await app.SignInAsync("ana@inbound.local", $"/inbox/{id}");
        try
        {
            await Expect(page.Locator("[data-testid=inbound]", new() { HasText = "Hello, I need help" })).ToBeInViewportAsync();
            await page.GetByTestId("reassign").ClickAsync();
            var dialog = page.GetByTestId("reassign-dialog");
            await Expect(dialog.GetByTestId("reassign-group")).ToHaveTextAsync(["Sales team", "Other agents", "Supervisors and admins"]);
            var sales = dialog.Locator("[data-testid=reassign-agent-option]");
            await Expect(sales.Nth(0)).ToHaveAttributeAsync("data-agent", "Ana Agent");
            await Expect(sales.Nth(1)).ToHaveAttributeAsync("data-agent", "Dev Agent");
            await Expect(dialog.Locator("[data-agent='Ana Agent'] [data-testid=load]")).ToHaveTextAsync($"{open}/5 open");
            // Sam supervises Sales, Alex runs the place: offered, but not as agents of the team.
            await Expect(dialog.Locator("[data-agent='Sam Supervisor']")).ToContainTextAsync("(supervisor)");
            await Expect(dialog.Locator("[data-agent='Alex Admin']")).ToContainTextAsync("(admin)");

            var dev = dialog.Locator("[data-agent='Dev Agent']");
            await Expect(dev.GetByTestId("availability")).ToContainTextAsync("Offline");
            await dev.Locator("input").CheckAsync();
            await Expect(dialog.GetByTestId("reassign-warning")).ToContainTextAsync("Dev Agent is offline");
            await Chromium.ScreenshotAsync(page, "inbox-reassign");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_agent_sees_no_workflows_or_settings_in_the_menu_and_an_admin_does()
    {
        var agent = await app.SignInAsync("carla@inbound.local", "/inbox");
        var admin = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            var agentMenu = agent.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
            await Expect(agentMenu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Overview", "Inbox", "Contacts", "Replies"]);
            var adminMenu = admin.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
            await Expect(adminMenu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Overview", "Inbox", "Contacts", "Replies", "Queues", "Reports", "Workflows", "Settings", "Channels"]);
        }
        finally
        {
            await agent.Context.CloseAsync();
            await admin.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_offline_agent_is_told_in_the_inbox_that_nothing_is_assigned_and_can_go_online_there()
    {
        var page = await app.SignInAsync("ben@inbound.local", "/inbox");
        try
        {
            var hint = page.GetByTestId("offline-hint");
            await Expect(hint).ToContainTextAsync("You are offline: nothing new is assigned to you.");
            await Chromium.ScreenshotAsync(page, "inbox-offline-hint");

            // A click, not CheckAsync: going online removes the hint, and CheckAsync would wait to see the switch checked.
            await hint.Locator("input").ClickAsync();

            await Expect(hint).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("availability")).ToHaveTextAsync("Online");
            var ben = await app.QueryAsync(db => db.Agents.SingleAsync(a => a.Email == "ben@inbound.local"));
            Assert.Equal(Inbound.Domain.Agents.AgentAvailability.Online, ben.Availability);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_unknown_page_shows_the_not_found_page_while_an_unknown_api_path_answers_problem_details()
    {
        var page = await app.SignInAsync("carla@inbound.local", "/inbox");
        try
        {
            foreach (var path in new[] { "/nowhere", "/settings/nothing-here" })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(404, response!.Status);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
                await Expect(page.Locator("a[href='/']", new() { HasText = "Back to the overview" })).ToBeVisibleAsync();
            }
            await Chromium.ScreenshotAsync(page, "not-found");

            var api = await page.APIRequest.GetAsync("/api/nonexistent");
            Assert.Equal(404, api.Status);
            Assert.StartsWith("application/problem+json", api.Headers["content-type"]);
            Assert.Equal(404, (await api.JsonAsync())!.Value.GetProperty("status").GetInt32());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static ILocator Preview(IPage page, string contact) =>
        page.Locator("[data-testid=conversation-item]", new() { HasText = contact }).Locator(".inbox-item-preview");
}
