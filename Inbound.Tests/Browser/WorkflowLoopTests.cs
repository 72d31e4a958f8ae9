using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>The whole loop with the seeded workflow: visitor writes, workflow asks, the engine assigns, the agent answers and closes.</summary>
public class WorkflowLoopTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_workflow_asks_the_visitor_routes_the_answer_and_the_online_agent_gets_the_conversation_live()
    {
        var agent = await app.SignInAsync("ana@inbound.local", "/inbox");
        // Only online agents get new conversations: Ana goes online from the app bar.
        await UntilShown.PickAsync(agent.Locator("[data-testid=appbar-user]"), "Online", agent.Locator("[data-testid=availability]", new() { HasText = "Online" }));

        var visitor = await app.NewPageAsync(420, 720);
        var name = $"Wes {Guid.NewGuid():N}"[..12];
        try
        {
            await visitor.GotoAsync("chat");
            var input = visitor.Locator("[data-testid=webchat-input]");
            await Expect(input).ToBeEnabledAsync();
            await visitor.Locator("[data-testid=webchat-name]").FillAsync(name);
            await input.FillAsync("Hello, I have a question about prices");
            await visitor.Locator("[data-testid=webchat-send]").ClickAsync();

            // The question's options are buttons: a tap answers it, and they go once it is answered.
            var question = visitor.Locator("[data-testid=reply]", new() { HasText = "What can we help you with?" });
            await Expect(question.Locator("[data-testid=quick-replies] button")).ToHaveTextAsync(["Sales", "Support", "Billing"]);
            await Chromium.ScreenshotAsync(visitor, "webchat-question");
            await question.GetByRole(AriaRole.Button, new() { Name = "Sales" }).ClickAsync();
            await Expect(visitor.Locator("[data-testid=visitor-message]", new() { HasText = "Sales" })).ToBeVisibleAsync();
            await Expect(visitor.Locator("[data-testid=quick-replies]")).ToHaveCountAsync(0);

            var item = agent.Locator($"[data-testid=conversation-item]:has-text('{name}')");
            await Expect(item).ToBeVisibleAsync();
            await Expect(agent).ToHaveTitleAsync(new Regex("New conversation"));
            await item.ClickAsync();
            await Expect(agent.Locator("[data-testid=outbound]", new() { HasText = "What can we help you with?" })).ToBeVisibleAsync();
            await Expect(agent.Locator("[data-testid=contact-fields]")).ToContainTextAsync("Sales");

            await agent.Locator("textarea[data-testid=composer-input]").FillAsync("Hi, I'm Ana from Sales. Which plan are you looking at?");
            await agent.Locator("[data-testid=send]").ClickAsync();
            await Expect(visitor.Locator("[data-testid=reply]", new() { HasText = "Which plan are you looking at?" })).ToBeVisibleAsync();
            // A workflow with a manual trigger, started by the agent from the thread.
            await agent.GetByRole(AriaRole.Button, new() { Name = "Run workflow" }).ClickAsync();
            await Expect(agent.Locator(".mud-popover-open").GetByText("Mark as VIP")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(agent, "inbox-run-workflow");
            await UntilShown.PickAsync(agent.Locator("[data-testid=run-workflow]"), "Mark as VIP",
                agent.Locator("[data-testid=system-event]", new() { HasText = "Workflow \"Mark as VIP\" started by Ana Agent" }));
            await Expect(agent.Locator("[data-testid=system-event]", new() { HasText = $"{name} is a VIP: answer first." })).ToBeVisibleAsync();
            await Expect(agent.Locator("[data-testid=contact-tags]")).ToContainTextAsync("VIP");
            await Chromium.ScreenshotAsync(agent, "inbox-after-workflow");
            await Chromium.ScreenshotAsync(visitor, "webchat-after-workflow");

            await agent.Locator("[data-testid=close]").ClickAsync();
            await agent.Locator("textarea[data-testid=close-summary]").FillAsync("Explained the plans");
            await agent.Locator("[data-testid=close-category]").GetByRole(AriaRole.Radio, new() { Name = "Question answered" }).CheckAsync();
            await agent.Locator("[data-testid=close-confirm]").ClickAsync();
            await Expect(visitor.Locator("[data-testid=webchat-closed]")).ToBeVisibleAsync();
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-workflow-agent");
            await Chromium.ScreenshotAsync(visitor, "failure-workflow-visitor");
            throw;
        }
    }
}
