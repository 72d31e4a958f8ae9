using Inbound.Domain.Agents;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>A browser fixture whose agents turn away two seconds after their last inbox tab closes.</summary>
public sealed class ShortGraceBrowserFixture : BrowserFixture
{
    public ShortGraceBrowserFixture() => With("Seed:DemoWorkflow", "false").With("Presence:GracePeriod", "00:00:02");
}

public class PresenceInBrowserTests(ShortGraceBrowserFixture app) : IClassFixture<ShortGraceBrowserFixture>
{
    private Task<AgentAvailability> AvailabilityAsync() =>
        app.QueryAsync(db => db.Agents.Where(a => a.Email == "ben@inbound.local").Select(a => a.Availability).SingleAsync());

    [Fact]
    public async Task An_agent_who_closes_the_browser_becomes_away_and_is_online_again_when_they_come_back()
    {
        var page = await app.SignInAsync("ben@inbound.local", "/inbox");
        await Expect(page.Locator("[data-testid=appbar-user]")).ToBeVisibleAsync();
        await app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        await Expect(page.Locator("[data-testid=availability]")).ToHaveTextAsync("Online");

        await page.Context.CloseAsync();

        await Eventually.TrueAsync(async () => await AvailabilityAsync() == AgentAvailability.Away, "Ben to be away once his tab is gone");
        var again = await app.SignInAsync("ben@inbound.local", "/inbox");
        try
        {
            await Expect(again.Locator("[data-testid=availability]")).ToHaveTextAsync("Online");
            Assert.Equal(AgentAvailability.Online, await AvailabilityAsync());
        }
        finally
        {
            await again.Context.CloseAsync();
        }
    }
}
