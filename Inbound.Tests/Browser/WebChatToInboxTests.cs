using System.Text.RegularExpressions;
using Inbound.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>A visitor on the web chat and an agent in the inbox, in two browser pages at once.</summary>
public class WebChatToInboxTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    private readonly Conversations _conversations = new(app);

    [Fact]
    public async Task A_visitors_chat_reaches_the_agent_live_and_the_agents_reply_and_close_reach_the_visitor()
    {
        var visitorName = $"Vera {Guid.NewGuid():N}"[..13];
        var agent = await app.SignInAsync("ana@inbound.local", "/inbox");
        var visitor = await app.NewPageAsync(420, 720);
        try
        {
            await visitor.GotoAsync(new Uri(app.BaseAddress, "chat").ToString());
            await SendAsVisitorAsync(visitor, "Hi, I would like to buy the annual plan", name: visitorName);
            var first = await AssignToAnaAsync(visitorName, exceptId: null);

            // Live, without reload: the conversation and its message appear in Ana's open inbox.
            var item = agent.Locator($"[data-testid=conversation-item]:has-text('{visitorName}')");
            await Expect(item).ToBeVisibleAsync();
            await Expect(agent).ToHaveTitleAsync(new Regex("New conversation"));
            await item.ClickAsync();
            await Expect(agent.Locator("[data-testid=inbound]", new() { HasText = "annual plan" })).ToBeVisibleAsync();

            await agent.Locator("textarea[data-testid=composer-input]").FillAsync("Happy to help! Monthly or yearly billing?");
            await agent.Locator("[data-testid=send]").ClickAsync();
            await Expect(visitor.Locator("[data-testid=reply]", new() { HasText = "Monthly or yearly billing?" })).ToBeVisibleAsync();
            await Expect(agent.Locator("[data-testid=outbound] [data-testid=delivery]")).ToContainTextAsync("Sent");

            await SendAsVisitorAsync(visitor, "Yearly, please");
            await Expect(agent.Locator("[data-testid=inbound]", new() { HasText = "Yearly, please" })).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(agent, "inbox-thread");
            await Chromium.ScreenshotAsync(visitor, "webchat-visitor");

            await agent.Locator("[data-testid=close]").ClickAsync();
            await agent.Locator("textarea[data-testid=close-summary]").FillAsync("Sold the annual plan");
            await agent.Locator("[data-testid=close-category]").GetByRole(AriaRole.Radio, new() { Name = "Sale" }).CheckAsync();
            await Chromium.ScreenshotAsync(agent, "inbox-close-dialog");
            await agent.Locator("[data-testid=close-confirm]").ClickAsync();
            await Expect(agent.Locator("[data-testid=closing-note]")).ToContainTextAsync("Sold the annual plan");
            await Expect(visitor.Locator("[data-testid=webchat-closed]")).ToBeVisibleAsync();
            var closed = await app.QueryAsync(db => db.Conversations.SingleAsync(c => c.Id == first));
            Assert.Equal("Sale", closed.ClosingNote!.Category);

            // The visitor writes again: a new conversation, which shows up in Ana's list again.
            await agent.Locator("[data-testid=filters] >> text=Mine").ClickAsync();
            await Expect(item).ToHaveCountAsync(0);
            await SendAsVisitorAsync(visitor, "One more thing: can I get an invoice?");
            var second = await AssignToAnaAsync(visitorName, exceptId: first);
            Assert.NotEqual(first, second);
            await Expect(item).ToBeVisibleAsync();
            await Expect(item.Locator("[data-testid=unread]")).ToHaveTextAsync("1");
            await Chromium.ScreenshotAsync(agent, "inbox-new-conversation");
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-agent");
            await Chromium.ScreenshotAsync(visitor, "failure-visitor");
            throw;
        }
    }

    [Fact]
    public async Task The_embed_script_adds_a_chat_button_whose_window_talks_to_the_inbox()
    {
        // Another origin (localhost versus 127.0.0.1) stands for a customer's site; Playwright serves its page.
        var site = $"http://localhost:{app.BaseAddress.Port}/shop.html";
        // Both origins are loopback here; Chromium asks before a page reaches the loopback address space.
        var page = await (await app.Browser.NewContextAsync(new() { Permissions = ["local-network-access"] })).NewPageAsync();
        await page.RouteAsync(site, route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<!doctype html><html><body><h1>Shop</h1><script src=\"{new Uri(app.BaseAddress, "webchat.js")}\" defer></script></body></html>",
        }));
        await page.GotoAsync(site);

        await page.Locator(".inbound-chat-button").ClickAsync();
        var chat = page.FrameLocator("iframe.inbound-chat-frame");
        var input = chat.Locator("[data-testid=webchat-input]");
        await Expect(input).ToBeEnabledAsync();
        var name = $"Embed {Guid.NewGuid():N}"[..14];
        await chat.Locator("[data-testid=webchat-name]").FillAsync(name);
        await input.FillAsync("Hello from your shop page");
        await chat.Locator("[data-testid=webchat-send]").ClickAsync();
        await Expect(chat.Locator("[data-testid=visitor-message]", new() { HasText = "Hello from your shop page" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "webchat-embedded-without-workflow");

        var stored = await app.QueryAsync(db => (
            from m in db.Messages
            join c in db.Conversations on m.ConversationId equals c.Id
            join contact in db.Contacts on c.ContactId equals contact.Id
            join channel in db.Channels on m.ChannelId equals channel.Id
            where contact.Name == name
            select new { m.Body, channel.Key }).SingleAsync());
        Assert.Equal(("Hello from your shop page", InboundApp.WebChatChannelKey), (stored.Body, stored.Key));
    }

    private static async Task SendAsVisitorAsync(IPage visitor, string text, string? name = null)
    {
        var input = visitor.Locator("[data-testid=webchat-input]");
        await Expect(input).ToBeEnabledAsync();
        if (name is not null) await visitor.Locator("[data-testid=webchat-name]").FillAsync(name);
        await input.FillAsync(text);
        await visitor.Locator("[data-testid=webchat-send]").ClickAsync();
        await Expect(visitor.Locator("[data-testid=visitor-message]", new() { HasText = text })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Assigns the visitor's open conversation to Ana as the workflow engine would. Whatever a workflow did first
    /// (asking a question, routing), an explicit assignment decides who gets it.
    /// </summary>
    private async Task<Guid> AssignToAnaAsync(string visitorName, Guid? exceptId)
    {
        var id = (await Eventually.GetAsync<Guid?>(() => app.QueryAsync(db => (
            from c in db.Conversations
            join contact in db.Contacts on c.ContactId equals contact.Id
            where contact.Name == visitorName && c.Status == ConversationStatus.Open && c.Id != exceptId
            select (Guid?)c.Id).SingleOrDefaultAsync()), $"an open conversation for {visitorName}", TimeSpan.FromSeconds(10)))!.Value;
        var ana = await app.QueryAsync(db => db.Agents.Where(a => a.Email == "ana@inbound.local").Select(a => a.Id).SingleAsync());
        await _conversations.AssignAsync(id, ana, await _conversations.TeamIdAsync("Sales"));
        return id;
    }
}
