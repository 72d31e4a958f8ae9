using System.Net;
using Inbound.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>Sales promises a first reply within an hour; three contacts wait in its queue with different time left.</summary>
public class SlaInboxTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    private readonly Conversations _conversations = new(app);

    private async Task<Guid> WaitingAsync(Guid team, string contact, TimeSpan left)
    {
        var id = await _conversations.OpenAsync(contact);
        await _conversations.RouteAsync(id, team);
        // The clock cannot be moved under a running page here: the due time is set as if the contact wrote earlier.
        var due = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime + left;
        await app.QueryAsync(db => db.Conversations.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.FirstResponseDueAt, due)));
        return id;
    }

    [Fact]
    public async Task Queued_conversations_show_their_time_left_in_colour_and_sort_soonest_due_first()
    {
        var sales = await _conversations.TeamIdAsync("Sales");
        await using (var admin = await InboxUser.SignInAsync(app, "admin@inbound.local"))
            await (await admin.Http().PutAsJsonAsync($"api/admin/teams/{sales}/sla", new { firstResponseMinutes = 60, resolutionMinutes = 480 })).JsonAsync(HttpStatusCode.OK);
        await WaitingAsync(sales, "Plenty Time", TimeSpan.FromMinutes(50));
        await WaitingAsync(sales, "Overdue Olga", TimeSpan.FromMinutes(-12));
        await WaitingAsync(sales, "Hurry Harry", TimeSpan.FromMinutes(10));

        var page = await app.SignInAsync("ana@inbound.local", "/inbox");
        await page.Locator("[data-testid=filters]").GetByText("Queue").ClickAsync();
        var rows = page.Locator("[data-testid=conversation-item]");
        await Expect(rows.Filter(new() { HasText = "Overdue Olga" }).Locator("[data-testid=sla-chip]")).ToHaveAttributeAsync("data-state", "Breached");
        await Expect(rows.Filter(new() { HasText = "Hurry Harry" }).Locator("[data-testid=sla-chip]")).ToHaveAttributeAsync("data-state", "Warning");
        await Expect(rows.Filter(new() { HasText = "Plenty Time" }).Locator("[data-testid=sla-chip]")).ToHaveAttributeAsync("data-state", "Normal");
        await Expect(rows.Filter(new() { HasText = "Overdue Olga" })).ToContainTextAsync("Reply overdue 12m");

        await page.Locator("[data-testid=sort]").ClickAsync();
        await Expect(page.Locator("[data-testid=sort]")).ToHaveAttributeAsync("data-sort", "TimeLeft");
        await Expect(rows.First).ToContainTextAsync("Overdue Olga");
        await Expect(rows.Nth(1)).ToContainTextAsync("Hurry Harry");

        await rows.First.ClickAsync();
        await Expect(page.Locator(".inbox-thread-header [data-testid=sla-chip]")).ToHaveAttributeAsync("data-state", "Breached");
        await Chromium.ScreenshotAsync(page, "inbox-sla-chips");

        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.OpenAsync(page, "/inbox");
        await page.Locator("[data-testid=filters]").GetByText("Queue").ClickAsync();
        await Expect(rows.Filter(new() { HasText = "Overdue Olga" }).Locator("[data-testid=sla-chip]")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "inbox-sla-chips-390");
    }
}
