using Inbound.Domain.Agents;
using Inbound.Tests.Admin;
using Inbound.Tests.Workflows;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>
/// A supervisor watches the Sales queue while nobody is online: the workflow queues what contacts write, the page shows
/// it live and counts its wait up, and it leaves the moment an agent comes online and the engine gives it to them.
/// </summary>
public class TeamQueuesPageTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>, IAsyncLifetime
{
    private readonly Conversations _conversations = new(app);

    public async Task InitializeAsync() =>
        await app.PublishAsync("Queue for Sales", WorkflowTestApp.AssignStraightAway(await app.TeamIdAsync("Sales"), queue: true));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_supervisors_queue_shows_a_new_waiting_conversation_live_ticks_its_wait_and_drops_it_when_an_agent_comes_online_and_gets_it()
    {
        var sales = await app.TeamIdAsync("Sales");
        var page = await app.SignInAsync("supervisor@inbound.local", $"/queues/{sales}");
        await Expect(page.Locator("[data-testid=queue-empty]")).ToBeVisibleAsync();

        await _conversations.OpenAsync("Wendy Waiting", "Where is my order 1234?");

        var row = page.Locator("[data-testid=waiting-conversation][data-contact='Wendy Waiting']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Where is my order 1234?");
        var waitingFor = row.Locator("[data-testid=waiting-for]");
        var longest = page.Locator("[data-testid=queue-longest-wait] .mud-typography-h4");
        var before = await longest.TextContentAsync();
        // The waits count up on their own, with no event and no reload.
        await Expect(longest).Not.ToHaveTextAsync(before!);
        await Expect(waitingFor).Not.ToHaveTextAsync(await waitingFor.TextContentAsync() ?? "");
        await Chromium.ScreenshotAsync(page, "queues-team-drilldown");

        await app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);

        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=queue-empty]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=queue-agent][data-agent='Ana Agent']")).ToContainTextAsync("1 / 5");
        await app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Offline);
    }
}

/// <summary>The queues page with no workflow running, so that what waits where is set by the test alone.</summary>
public class QueuesOverviewPageTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task The_queues_page_has_a_card_per_team_and_alerts_on_the_card_and_in_the_app_bar_past_the_teams_threshold()
    {
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var billing = await app.TeamIdAsync("Billing");
        (await admin.Http().PutAsJsonAsync($"api/admin/teams/{billing}/wait-alert", new { minutes = 2 })).EnsureSuccessStatusCode();
        var late = await _conversations.OpenAsync("Larry Late", "Invoice is wrong");
        await _conversations.QueueWithNoticeAsync(late, billing, TimeSpan.FromMinutes(3), "You are in line");

        var page = await app.SignInAsync("supervisor@inbound.local", "/queues");

        await Expect(page.Locator("[data-testid=queue-card]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=queue-card][data-team=Billing]")).ToHaveAttributeAsync("data-alert", "true");
        await Expect(page.Locator("[data-testid=queue-card][data-team=Sales]")).ToHaveAttributeAsync("data-alert", "false");
        await Expect(page.Locator("[data-testid=appbar-queue-alert]")).ToContainTextAsync("Billing");
        await Chromium.ScreenshotAsync(page, "queues-page");
        await page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("[data-testid=queue-card][data-team=Billing]")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "queues-page-390");

        // Someone takes it: the alert goes, live.
        await _conversations.AssignAsync(late, await app.AgentIdAsync("carla@inbound.local"), billing);
        await Expect(page.Locator("[data-testid=appbar-queue-alert]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=queue-card][data-team=Billing]")).ToHaveAttributeAsync("data-alert", "false");
    }

    [Fact]
    public async Task An_agent_is_denied_the_queues_page()
    {
        var page = await app.SignInAsync("ana@inbound.local", "/");

        await BrowserFixture.OpenAsync(page, "/queues");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("(?i)denied"));
        await Expect(page.Locator("[data-testid=queue-card]")).ToHaveCountAsync(0);
    }
}
