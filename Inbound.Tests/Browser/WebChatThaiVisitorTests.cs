using Inbound.Domain.Agents;
using Inbound.Domain.Contacts;
using Inbound.Tests.Workflows;
using Inbound.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>A visitor whose phone is set to Thai: the chat speaks Thai, fills the screen, and the workflow asks in Thai.</summary>
public class WebChatThaiVisitorTests(WebChatDefaultsBrowserFixture app) : IClassFixture<WebChatDefaultsBrowserFixture>
{
    /// <summary>A phone (390×844) whose browser prefers Thai, on the chat, once it can be typed in.</summary>
    private async Task<IPage> OpenChatOnThaiPhoneAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "th-TH",
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("chat");
        await Expect(page.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        return page;
    }

    /// <summary>A loaded 2-core machine can take seconds to store a message and run the workflow: the waits allow for it.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 20_000 };

    private static async Task SendAsync(IPage visitor, string text)
    {
        await visitor.Locator("[data-testid=webchat-input]").FillAsync(text);
        await visitor.Locator("[data-testid=webchat-send]").ClickAsync();
        await Expect(visitor.Locator("[data-testid=visitor-message]", new() { HasText = text })).ToBeVisibleAsync(Slow);
    }

    private Task<string?> LanguageOfContactWhoWroteAsync(string text) => Eventually.GetAsync(() => app.QueryAsync(db => (
        from m in db.Messages where m.Body == text
        join c in db.Conversations on m.ConversationId equals c.Id
        join k in db.Contacts on c.ContactId equals k.Id
        select k.Fields).FirstOrDefaultAsync()), $"the contact who wrote \"{text}\"")
        .ContinueWith(t => t.Result.GetValueOrDefault(Contact.LanguageField));

    [Fact]
    public async Task A_thai_visitor_on_a_phone_reads_the_chat_in_thai_writes_in_thai_and_is_asked_the_workflows_thai_question()
    {
        var visitor = await OpenChatOnThaiPhoneAsync();
        try
        {
            await Expect(visitor.Locator("[data-testid=webchat]")).ToHaveAttributeAsync("lang", "th");
            await Expect(visitor.Locator("html")).ToHaveAttributeAsync("lang", "th");
            await Expect(visitor.Locator(".webchat-title")).ToHaveTextAsync("แชทกับเรา");
            await Expect(visitor.Locator("[data-testid=webchat-hours]")).ToHaveTextAsync("เปิดทำการ · โดยปกติเราจะตอบภายในไม่กี่นาที");
            await Expect(visitor.Locator("[data-testid=webchat-input]")).ToHaveAttributeAsync("placeholder", "พิมพ์ข้อความของคุณ…");
            await Expect(visitor.Locator("[data-testid=webchat-language-th]")).ToHaveAttributeAsync("aria-pressed", "true");

            var text = "สวัสดีค่ะ สนใจแพ็กเกจสำหรับทีมค่ะ";
            await SendAsync(visitor, text);

            var question = visitor.Locator("[data-testid=reply]", new() { HasText = InboundConversationsTemplate.ThaiQuestion });
            await Expect(question).ToBeVisibleAsync(Slow);
            await Expect(question.Locator("[data-testid=quick-replies] button")).ToHaveTextAsync(InboundConversationsTemplate.ThaiTopics);
            Assert.Equal("th", await LanguageOfContactWhoWroteAsync(text));

            // The chat is the whole screen, and the composer is on it.
            var chat = (await visitor.Locator("[data-testid=webchat]").BoundingBoxAsync())!;
            var composer = (await visitor.Locator(".webchat-composer").BoundingBoxAsync())!;
            Assert.Equal((390, 844), ((int)Math.Round(chat.Width), (int)Math.Round(chat.Height)));
            Assert.InRange(composer.Y + composer.Height, 800, 844.5);
            await Chromium.ScreenshotAsync(visitor, "webchat-thai-phone");
        }
        catch
        {
            await Chromium.ScreenshotAsync(visitor, "failure-webchat-thai-phone");
            throw;
        }
    }

    [Fact]
    public async Task The_switch_turns_the_chat_to_english_and_the_visitors_messages_then_carry_english()
    {
        var visitor = await OpenChatOnThaiPhoneAsync();
        try
        {
            await visitor.Locator("[data-testid=webchat-language-en]").ClickAsync();

            await Expect(visitor.Locator("[data-testid=webchat-input]")).ToHaveAttributeAsync("placeholder", "Type your message…");
            await Expect(visitor.Locator("html")).ToHaveAttributeAsync("lang", "en");
            var text = $"Hello from a Thai phone {Guid.NewGuid():N}";
            await SendAsync(visitor, text);
            await Expect(visitor.Locator("[data-testid=reply]", new() { HasText = InboundConversationsTemplate.Question })).ToBeVisibleAsync(Slow);
            Assert.Equal("en", await LanguageOfContactWhoWroteAsync(text));
        }
        catch
        {
            await Chromium.ScreenshotAsync(visitor, "failure-webchat-switch");
            throw;
        }
    }

    [Fact]
    public async Task The_agent_sees_the_thai_visitors_language_in_the_contact_panel_and_can_change_it()
    {
        await app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        var visitor = await OpenChatOnThaiPhoneAsync();
        var agent = await app.SignInAsync("ana@inbound.local", "/inbox");
        try
        {
            var text = $"ขอใบเสนอราคาค่ะ {Guid.NewGuid():N}"[..24];
            await SendAsync(visitor, text);
            await Expect(visitor.Locator("[data-testid=quick-replies]")).ToBeVisibleAsync(Slow);
            await visitor.Locator("[data-testid=quick-replies] button", new() { HasText = InboundConversationsTemplate.ThaiTopics[0] }).ClickAsync();
            var name = await Eventually.GetAsync(() => app.QueryAsync(db => (
                from m in db.Messages where m.Body == text
                join c in db.Conversations on m.ConversationId equals c.Id
                join k in db.Contacts on c.ContactId equals k.Id
                where c.AssigneeId != null
                select k.Name).FirstOrDefaultAsync()), "the Thai visitor's conversation assigned to Ana", TimeSpan.FromSeconds(45));

            await Expect(agent.Locator("[data-testid=conversation-item]", new() { HasText = name })).ToBeVisibleAsync(Slow);
            await agent.Locator("[data-testid=conversation-item]", new() { HasText = name }).ClickAsync();
            var picker = agent.Locator("[data-testid=contact-language]");
            await Expect(picker).ToHaveAttributeAsync("data-language", "th");
            await Expect(picker.Locator("input").First).ToHaveValueAsync("ไทย · Thai (th)");

            await UntilShown.PickAsync(picker.Locator(".mud-select").First, "English (en)", agent.Locator("[data-testid=contact-language][data-language=en]"));

            Assert.Equal("en", await LanguageOfContactWhoWroteAsync(text));
            await Chromium.ScreenshotAsync(agent, "contact-language-panel");
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-contact-language-agent");
            throw;
        }
    }
}
