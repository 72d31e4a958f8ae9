using System.Text.RegularExpressions;
using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Tests.Workflows;
using Inbound.Web.WebChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>The visitor's side of web chat as an installation starts (no pre-chat form), with the seeded workflow during office hours.</summary>
public class WebChatVisitorTests(WebChatDefaultsBrowserFixture app) : IClassFixture<WebChatDefaultsBrowserFixture>
{
    /// <summary>Opens the chat and waits until it can be typed in: the page has its circuit and knows the visitor (slow on a loaded machine).</summary>
    private static async Task<IPage> OpenChatAsync(IPage visitor)
    {
        await visitor.GotoAsync("chat");
        await Expect(visitor.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        return visitor;
    }

    private static async Task SendAsync(IPage visitor, string text)
    {
        await visitor.Locator("[data-testid=webchat-input]").FillAsync(text);
        await visitor.Locator("[data-testid=webchat-send]").ClickAsync();
        await Expect(visitor.Locator("[data-testid=visitor-message]", new() { HasText = text })).ToBeVisibleAsync();
    }

    private Task<Guid> ConversationOfAsync(string firstText) => Eventually.GetAsync<Guid?>(() => app.QueryAsync(db => db.Messages
        .Where(m => m.Body == firstText).Select(m => (Guid?)m.ConversationId).FirstOrDefaultAsync()), $"the conversation of \"{firstText}\"")
        .ContinueWith(t => t.Result!.Value);

    [Fact]
    public async Task A_visitor_who_gives_no_name_is_a_numbered_visitor_for_the_agent_with_their_page_and_browser()
    {
        await app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        var visitor = await OpenChatAsync(await app.NewPageAsync(420, 720));
        var agent = await app.SignInAsync("ana@inbound.local", "/inbox");
        try
        {
            await Expect(visitor.Locator("[data-testid=webchat-name]")).ToHaveCountAsync(0);
            await Expect(visitor.Locator("[data-testid=webchat-hours]")).ToHaveTextAsync("We're open · we usually reply within minutes");
            var text = "Hello, what does the team plan cost?";
            await SendAsync(visitor, text);
            var question = visitor.Locator("[data-testid=reply]", new() { HasText = "What can we help you with?" });
            await question.GetByRole(AriaRole.Button, new() { Name = "Sales" }).ClickAsync();

            var conversationId = await ConversationOfAsync(text);
            var name = await app.QueryAsync(db => (from c in db.Conversations join k in db.Contacts on c.ContactId equals k.Id
                                                    where c.Id == conversationId select k.Name).SingleAsync());
            Assert.Matches(@"^Visitor \d{4}$", name);

            var item = agent.Locator("[data-testid=conversation-item]", new() { HasText = name });
            await Expect(item).ToBeVisibleAsync();
            await item.ClickAsync();
            var fields = agent.Locator("[data-testid=contact-fields]");
            await Expect(fields).ToContainTextAsync($"Page{app.BaseAddress}chat");
            await Expect(fields).ToContainTextAsync(new Regex(@"BrowserHeadless Chrome \d+ on Linux"));
            await Expect(agent.Locator("[data-testid=contact-name]")).ToHaveTextAsync(name);
            await Chromium.ScreenshotAsync(agent, "inbox-anonymous-visitor");
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-anonymous-agent");
            await Chromium.ScreenshotAsync(visitor, "failure-anonymous-visitor");
            throw;
        }
    }

    [Fact]
    public async Task A_returning_visitor_sees_their_earlier_conversation_above_the_new_one_and_another_browser_does_not()
    {
        var visitor = await OpenChatAsync(await app.NewPageAsync(420, 720));
        try
        {
            var first = "My order is late, can you check?";
            await SendAsync(visitor, first);
            var firstId = await ConversationOfAsync(first);
            await app.WorkflowMessageAsync(firstId, "What can we help you with?");
            await app.CloseConversationAsync(firstId);
            await Expect(visitor.Locator("[data-testid=webchat-closed]")).ToBeVisibleAsync();

            // The next visit, in the same browser.
            await OpenChatAsync(visitor);
            var second = "It arrived, thanks! One more question";
            await SendAsync(visitor, second);

            var earlier = visitor.Locator("[data-testid=webchat-earlier]");
            await Expect(earlier).ToHaveCountAsync(1);
            await Expect(earlier).ToContainTextAsync(first);
            await Expect(earlier).ToContainTextAsync("What can we help you with?");
            // Read-only: the earlier question's answers are not buttons any more.
            await Expect(earlier.Locator("button")).ToHaveCountAsync(0);
            await Expect(earlier).Not.ToContainTextAsync(second);
            await Expect(visitor.Locator("[data-testid=reply]", new() { HasText = "What can we help you with?" }).Last.Locator("[data-testid=quick-replies] button"))
                .ToHaveTextAsync(["Sales", "Support", "Billing"]);
            await Chromium.ScreenshotAsync(visitor, "webchat");
            await visitor.SetViewportSizeAsync(390, 844);
            await Chromium.ScreenshotAsync(visitor, "webchat-phone");

            var stranger = await OpenChatAsync(await app.NewPageAsync(420, 720));
            await Expect(stranger.Locator("[data-testid=webchat-earlier]")).ToHaveCountAsync(0);
            await Expect(stranger.Locator("[data-testid=visitor-message]")).ToHaveCountAsync(0);
        }
        catch
        {
            await Chromium.ScreenshotAsync(visitor, "failure-returning-visitor");
            throw;
        }
    }

    [Fact]
    public async Task A_message_over_the_limit_is_not_cut_the_visitor_is_told_and_what_they_typed_stays()
    {
        var visitor = await OpenChatAsync(await app.NewPageAsync(420, 720));
        var input = visitor.Locator("[data-testid=webchat-input]");
        var limit = new WebChatOptions().MaxMessageLength;
        var text = string.Concat(Enumerable.Repeat("I would like to explain the whole story. ", 120))[..(limit + 3)] + ".";

        await input.FillAsync(text);

        await Expect(visitor.Locator("[data-testid=webchat-too-long]")).ToContainTextAsync("Shorten it by 4 characters to send it.");
        await Expect(visitor.Locator("[data-testid=webchat-send]")).ToBeDisabledAsync();
        await Expect(input).ToHaveValueAsync(text);
        await Chromium.ScreenshotAsync(visitor, "webchat-too-long");

        await input.PressAsync("End");
        for (var i = 0; i < 4; i++) await input.PressAsync("Backspace");
        await Expect(visitor.Locator("[data-testid=webchat-too-long]")).ToHaveCountAsync(0);
        await visitor.Locator("[data-testid=webchat-send]").ClickAsync();

        var sent = text[..limit].Trim();
        await Eventually.GetAsync<string>(() => app.QueryAsync(db => db.Messages
            .Where(m => m.Direction == MessageDirection.Inbound && m.Body == sent).Select(m => m.Body).FirstOrDefaultAsync()), "the whole message to be stored");
    }

    [Fact]
    public async Task The_embedded_chat_tells_the_agent_the_page_the_visitor_is_on()
    {
        // Another origin (localhost versus 127.0.0.1) stands for a customer's site; Playwright serves its page.
        var site = $"http://localhost:{app.BaseAddress.Port}/pricing.html";
        var context = await app.Browser.NewContextAsync(new() { Permissions = ["local-network-access"] });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.RouteAsync(site, route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<!doctype html><html><body style=\"font-family:sans-serif;margin:32px\"><h1>Acme pricing</h1><p>Plans for every team.</p>" +
                   $"<script src=\"{new Uri(app.BaseAddress, "webchat.js")}\" defer></script></body></html>",
        }));
        await page.GotoAsync(site);

        await page.Locator(".inbound-chat-button").ClickAsync();
        var chat = page.FrameLocator("iframe.inbound-chat-frame");
        // The frame loads the chat on first open and connects its circuit: slower than a page of its own on a loaded machine.
        await Expect(chat.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        var text = "Is there a yearly plan?";
        await chat.Locator("[data-testid=webchat-input]").FillAsync(text);
        await chat.Locator("[data-testid=webchat-send]").ClickAsync();
        await Expect(chat.Locator("[data-testid=quick-replies] button")).ToHaveTextAsync(["Sales", "Support", "Billing"]);
        await Chromium.ScreenshotAsync(page, "webchat-embedded");

        var conversationId = await ConversationOfAsync(text);
        var fields = await app.QueryAsync(db => (from c in db.Conversations join k in db.Contacts on c.ContactId equals k.Id
                                                  where c.Id == conversationId select k.Fields).SingleAsync());
        Assert.Equal(site, fields[WebChatVisitors.PageField]);
    }
}
