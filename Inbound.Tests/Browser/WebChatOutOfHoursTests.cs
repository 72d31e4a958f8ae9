using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>The app on a fake clock that reads Saturday 03:00 in Berlin, when the seeded business hours are closed.</summary>
public sealed class SaturdayNightBrowserFixture : BrowserFixture
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));

    public SaturdayNightBrowserFixture()
    {
        With("WebChat:PreChatForm", "false");
        WithServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A visitor writes at night: the header and the workflow say the same thing, once, and the team answers in the morning.</summary>
public class WebChatOutOfHoursTests(SaturdayNightBrowserFixture app) : IClassFixture<SaturdayNightBrowserFixture>
{
    private const string Closed = "Hi there, we're closed right now. We open on Monday at 08:00 (Berlin time) and our Sales team will answer you then.";

    [Fact]
    public async Task At_night_the_header_and_the_workflow_say_when_the_team_opens_and_nobody_is_assigned_before_then()
    {
        await app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        var visitor = await app.NewPageAsync(390, 720);
        try
        {
            await visitor.GotoAsync("chat");
            await Expect(visitor.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 15_000 });
            await Expect(visitor.Locator("[data-testid=webchat-hours]")).ToHaveTextAsync("We're closed · we open on Monday at 08:00 (Berlin time)");

            var text = "Do you ship to Norway?";
            await visitor.Locator("[data-testid=webchat-input]").FillAsync(text);
            await visitor.Locator("[data-testid=webchat-send]").ClickAsync();
            var question = visitor.Locator("[data-testid=reply]", new() { HasText = "What can we help you with?" });
            await question.GetByRole(AriaRole.Button, new() { Name = "Sales" }).ClickAsync();

            // One message that says what will happen; nothing about a line, and no agent.
            await Expect(visitor.Locator("[data-testid=reply]", new() { HasText = "we're closed" })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(Closed)));
            var conversationId = await Eventually.GetAsync<Guid?>(() => app.QueryAsync(db => db.Messages
                .Where(m => m.Body == text).Select(m => (Guid?)m.ConversationId).FirstOrDefaultAsync()), "the conversation");
            var run = await app.RunAsync(conversationId!.Value, r => r.CurrentNodeId == "wait-open" && r.Status == RunStatus.Waiting, "the run to wait for the morning");
            Assert.Equal(new DateTime(2026, 11, 30, 7, 0, 0), run.WakeAt);
            await Expect(visitor.Locator("[data-testid=reply]")).ToHaveCountAsync(2);
            Assert.Null((await app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId))).AssigneeId);
            await Chromium.ScreenshotAsync(visitor, "webchat-closed-phone");

            app.Clock.Advance(TimeSpan.FromHours(53)); // Monday 08:00 in Berlin

            var assigned = await app.AssignedConversationAsync(conversationId.Value);
            Assert.Equal(await app.AgentIdAsync("ana@inbound.local"), assigned.AssigneeId);
            Assert.Equal(0, await app.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == conversationId
                && m.AuthorKind == AuthorKind.Workflow && m.Direction == MessageDirection.Outbound && m.Body.Contains("in line"))));
            // The open page's header follows the clock, without a reload.
            await Expect(visitor.Locator("[data-testid=webchat-hours]")).ToHaveTextAsync("We're open · we usually reply within minutes");
        }
        catch
        {
            await Chromium.ScreenshotAsync(visitor, "failure-out-of-hours");
            throw;
        }
    }
}
