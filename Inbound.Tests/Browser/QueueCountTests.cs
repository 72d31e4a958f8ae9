using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>A long queue, as on a busy morning with nobody online yet.</summary>
public class QueueCountTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    private const int Waiting = 500;
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task The_queue_counts_every_waiting_conversation_and_the_list_shows_more_on_demand()
    {
        var sales = await _conversations.TeamIdAsync("Sales");
        var ids = new Guid[Waiting];
        await Parallel.ForAsync(0, Waiting, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => ids[i] = await _conversations.OpenAsync($"Waiting {i:000}"));
        foreach (var id in ids) await _conversations.RouteAsync(id, sales);

        var page = await app.SignInAsync("ana@inbound.local", "/inbox");
        var filters = page.Locator("[data-testid=filters]");
        await Expect(filters).ToContainTextAsync($"Queue ({Waiting})");

        await filters.GetByText("Queue").ClickAsync();
        await Expect(page.Locator("[data-testid=conversation-item]").First).ToBeVisibleAsync();
        // The first page holds 200 rows, of which only those in view are in the DOM.
        Assert.InRange(await page.Locator("[data-testid=conversation-item]").CountAsync(), 5, 60);
        var list = page.Locator("[data-testid=conversation-items]");
        var more = page.Locator("[data-testid=load-more]");
        for (var shown = 200; shown < Waiting; shown += 200)
        {
            await list.EvaluateAsync("e => e.scrollTop = e.scrollHeight");
            await Expect(more).ToBeVisibleAsync();
            await more.ClickAsync();
        }
        // Routed first, so waiting longest: the last row once every page is in.
        // Scrolling to the end renders the last rows; Virtualize measures as it goes, so it may take a second scroll.
        await Eventually.TrueAsync(async () =>
        {
            await list.EvaluateAsync("e => e.scrollTop = e.scrollHeight");
            return await page.Locator("[data-testid=conversation-item]", new() { HasText = "Waiting 000" }).IsVisibleAsync();
        }, "the longest-waiting conversation at the end of the list");
        await Expect(more).ToHaveCountAsync(0);
        await Chromium.ScreenshotAsync(page, "inbox-long-queue");

        // One more contact writes in: the count follows live.
        await _conversations.RouteAsync(await _conversations.OpenAsync("One more"), sales);
        await Expect(filters).ToContainTextAsync($"Queue ({Waiting + 1})");
    }
}
