using Inbound.Domain.Channels;
using Inbound.Tests.WebChat;
using Inbound.Web.Contacts.Blocking;
using Inbound.Web.WebChat.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>
/// The web chat as a customer's site embeds it (a page on another loopback origin with webchat.js), with the
/// channel's allowed origin and identity secret set, and a low message limit.
/// </summary>
public sealed class WebChatEmbedBrowserFixture : BrowserFixture
{
    public const int Burst = 3;

    public WebChatEmbedBrowserFixture()
    {
        With("WebChat:PreChatForm", "false");
        With("WebChat:Limits:MessageBurst", Burst.ToString());
        With("WebChat:Limits:MessagesPerMinute", "1");
    }

    /// <summary>The customer's site: localhost rather than 127.0.0.1, so another origin than the chat's.</summary>
    public string SiteOrigin => $"http://localhost:{BaseAddress.Port}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.SetWebChatSettingAsync(ChannelSettingNames.AllowedOrigins, SiteOrigin);
        await this.SetWebChatSettingAsync(ChannelSettingNames.IdentitySecret, WebChatTestApp.IdentitySecret);
    }
}

public class WebChatEmbedTests(WebChatEmbedBrowserFixture app) : IClassFixture<WebChatEmbedBrowserFixture>
{
    private const string TokenKey = "inbound-visitor";

    /// <summary>A new browser (own storage) on the customer's page; <paramref name="head"/> goes before the embed script.</summary>
    private async Task<IPage> OpenSiteAsync(string head = "", int width = 1280, int height = 800, string? locale = null)
    {
        // Both origins are loopback here; Chromium asks before a page reaches the loopback address space.
        var context = await app.Browser.NewContextAsync(new() { Permissions = ["local-network-access"], ViewportSize = new() { Width = width, Height = height }, Locale = locale });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var site = $"{app.SiteOrigin}/shop.html";
        await page.RouteAsync(site, route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"<!doctype html><html><head>{head}</head><body style=\"font-family:sans-serif;background:#f4f1ea\"><h1>Corner Shop</h1><p>Tea, coffee and biscuits.</p>" +
                   $"<script src=\"{new Uri(app.BaseAddress, "webchat.js")}\" defer></script></body></html>",
        }));
        await page.GotoAsync(site);
        return page;
    }

    /// <summary>Opens the chat window and waits until it knows the visitor (the handshake with the page is done).</summary>
    private static async Task<IFrameLocator> OpenChatAsync(IPage page)
    {
        await page.Locator(".inbound-chat-button").ClickAsync();
        var chat = page.FrameLocator("iframe.inbound-chat-frame");
        await Expect(chat.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        return chat;
    }

    private static async Task SendAsync(IFrameLocator chat, string text)
    {
        await chat.Locator("[data-testid=webchat-input]").FillAsync(text);
        await chat.Locator("[data-testid=webchat-send]").ClickAsync();
        await Expect(chat.Locator("[data-testid=visitor-message]", new() { HasText = text })).ToBeVisibleAsync();
    }

    private static string SignedIn(string userId, string name, string email, string hash) =>
        $"<script>window.InboundChat = {{ user: {{ id: \"{userId}\", name: \"{name}\", email: \"{email}\", hash: \"{hash}\" }} }};</script>";

    [Fact]
    public async Task The_embedded_widget_works_end_to_end_and_no_request_url_carries_the_visitor_token()
    {
        var page = await OpenSiteAsync();
        var urls = new List<string>();
        page.Context.Request += (_, request) => { lock (urls) urls.Add(request.Url); };
        page.WebSocket += (_, socket) => { lock (urls) urls.Add(socket.Url); };
        try
        {
            // A returning visitor: the site keeps their token from two days ago.
            var known = WebChatTestApp.OldToken();
            await app.WriteAsync(new Inbound.Web.WebChat.ChatVisitor(known), "I wrote yesterday about order 1207");
            await page.EvaluateAsync("([key, token]) => localStorage.setItem(key, token)", new[] { TokenKey, known });

            var chat = await OpenChatAsync(page);
            await Expect(chat.Locator("[data-testid=visitor-message]", new() { HasText = "I wrote yesterday about order 1207" })).ToBeVisibleAsync();
            await SendAsync(chat, "Is it shipped yet?");
            // The workflow's answer comes back into the widget.
            await Expect(chat.Locator("[data-testid=reply]", new() { HasText = "What can we help you with?" }).Last).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "webchat-embedded");
            await page.SetViewportSizeAsync(390, 844);
            await Chromium.ScreenshotAsync(page, "webchat-embedded-phone");

            // The chat rotated the token and handed the new one back to the site.
            var rotated = await page.EvaluateAsync<string>("key => localStorage.getItem(key)", TokenKey);
            Assert.NotEqual(known, rotated);
            Assert.Matches("^[0-9a-f]{32}-[0-9a-f]+$", rotated);
            string[] seen;
            lock (urls) seen = urls.ToArray();
            Assert.Contains(seen, u => u.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal) && u.Contains("/_blazor", StringComparison.Ordinal));
            Assert.DoesNotContain(seen, u => u.Contains(known, StringComparison.Ordinal) || u.Contains(rotated, StringComparison.Ordinal));

            // An old link that still carries the first token opens nobody's thread.
            var stranger = await app.NewPageAsync(420, 720);
            await stranger.GotoAsync($"chat?v={known}");
            await Expect(stranger.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 20_000 });
            await Expect(stranger.Locator("[data-testid=visitor-message]")).ToHaveCountAsync(0);
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-webchat-embedded");
            throw;
        }
    }

    [Fact]
    public async Task The_chat_button_speaks_the_visitors_language_and_follows_the_chats_language_switch()
    {
        var page = await OpenSiteAsync(locale: "th-TH");
        var button = page.Locator(".inbound-chat-button");
        var frame = page.Locator("iframe.inbound-chat-frame");
        try
        {
            await Expect(button).ToHaveAttributeAsync("aria-label", "เปิดแชท");
            await Expect(frame).ToHaveAttributeAsync("title", "แชทกับเรา");

            var chat = await OpenChatAsync(page);
            await Expect(chat.Locator("[data-testid=webchat-language-th]")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(button).ToHaveAttributeAsync("aria-label", "ปิดแชท");

            // The visitor switches the chat to English: the button on the site follows, and the site's next page remembers.
            await chat.Locator("[data-testid=webchat-language-en]").ClickAsync();
            await Expect(button).ToHaveAttributeAsync("aria-label", "Close chat");
            await Expect(frame).ToHaveAttributeAsync("title", "Chat with us");
            await button.ClickAsync();
            await Expect(button).ToHaveAttributeAsync("aria-label", "Open chat");
            await page.ReloadAsync();
            await Expect(page.Locator(".inbound-chat-button")).ToHaveAttributeAsync("aria-label", "Open chat");
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-webchat-button-language");
            throw;
        }
    }

    [Fact]
    public async Task A_signed_in_customer_sees_their_history_on_a_second_browser_and_a_forged_one_chats_as_a_guest()
    {
        var hash = IdentityHash.Compute(WebChatTestApp.IdentitySecret, "cust-77");
        var laptop = await OpenSiteAsync(SignedIn("cust-77", "Lee Park", "lee@example.com", hash));
        try
        {
            await SendAsync(await OpenChatAsync(laptop), "Question about invoice 881");

            var phone = await OpenSiteAsync(SignedIn("cust-77", "Lee Park", "lee@example.com", hash), 390, 844);
            var onPhone = await OpenChatAsync(phone);
            await Expect(onPhone.Locator("[data-testid=visitor-message]", new() { HasText = "Question about invoice 881" })).ToBeVisibleAsync();
            await Expect(onPhone.Locator("[data-testid=webchat-error]")).ToHaveCountAsync(0);

            var forger = await OpenSiteAsync(SignedIn("cust-77", "Lee Park", "lee@example.com", IdentityHash.Compute("guessed-secret-000000000000", "cust-77")));
            var forged = await OpenChatAsync(forger);
            await Expect(forged.Locator("[data-testid=webchat-error]")).ToHaveTextAsync(VisitorVerification.Refused);
            await Expect(forged.Locator("[data-testid=visitor-message]")).ToHaveCountAsync(0);
            await Chromium.ScreenshotAsync(forger, "webchat-identity-refused");
            await SendAsync(forged, "Let me in anyway");

            var contacts = await app.QueryAsync(db => db.Contacts.Where(c => c.Identities.Any(i => i.ExternalId == "user-cust-77"))
                .Select(c => new { c.Name, c.Email, Messages = db.Conversations.Where(v => v.ContactId == c.Id).SelectMany(v => db.Messages.Where(m => m.ConversationId == v.Id)).Select(m => m.Body).ToList() })
                .ToListAsync());
            var lee = Assert.Single(contacts);
            Assert.Equal(("Lee Park", "lee@example.com"), (lee.Name, lee.Email));
            Assert.DoesNotContain("Let me in anyway", lee.Messages);
        }
        catch
        {
            await Chromium.ScreenshotAsync(laptop, "failure-webchat-identity");
            throw;
        }
    }

    [Fact]
    public async Task A_blocked_visitors_message_is_not_delivered_to_the_agent()
    {
        var visitor = await app.NewPageAsync(420, 720);
        await visitor.GotoAsync("chat");
        await Expect(visitor.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        var first = $"Buy cheap watches {Guid.NewGuid():N}"[..30];
        await visitor.Locator("[data-testid=webchat-input]").FillAsync(first);
        await visitor.Locator("[data-testid=webchat-send]").ClickAsync();
        await Expect(visitor.Locator("[data-testid=visitor-message]", new() { HasText = first })).ToBeVisibleAsync();
        var conversation = await Eventually.GetAsync(() => app.QueryAsync(db => db.Messages.Where(m => m.Body == first)
            .Select(m => (Guid?)m.ConversationId).FirstOrDefaultAsync()), "the visitor's conversation");

        var agent = await app.SignInAsync("admin@inbound.local", $"/inbox/{conversation}");
        try
        {
            await Expect(agent.Locator("[data-testid=contact-fields]")).ToContainTextAsync("IP address127.0.0.1");
            await agent.Locator("[data-testid=block-contact]").ClickAsync();
            await Expect(agent.Locator("[data-testid=blocked-notice]")).ToContainTextAsync("This contact is blocked");

            var second = "Last chance, cheap watches";
            await visitor.Locator("[data-testid=webchat-input]").FillAsync(second);
            await visitor.Locator("[data-testid=webchat-send]").ClickAsync();
            // Quietly: the visitor sees their message as usual.
            await Expect(visitor.Locator("[data-testid=visitor-message]", new() { HasText = second })).ToBeVisibleAsync();
            await Expect(visitor.Locator("[data-testid=webchat-error]")).ToHaveCountAsync(0);

            // The refusal is recorded before the visitor's page shows the message, so these hold at once.
            var contactId = await app.QueryAsync(db => db.Conversations.Where(c => c.Id == conversation).Select(c => c.ContactId).SingleAsync());
            var block = await app.QueryAsync(db => db.Set<Block>().SingleAsync(b => b.Value == contactId.ToString()));
            Assert.Equal(1, block.RefusedMessages);
            Assert.False(await app.QueryAsync(db => db.Messages.AnyAsync(m => m.Body == second)));
            Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "contact.blocked" && e.ActorName == "Alex Admin")));
            await Expect(agent.Locator("[data-testid=thread-entries]")).Not.ToContainTextAsync(second);
            await agent.ReloadAsync();
            await Expect(agent.Locator("[data-testid=blocked-notice]")).ToContainTextAsync("1 refused so far");
            await Chromium.ScreenshotAsync(agent, "inbox-contact-blocked");
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-blocked-agent");
            await Chromium.ScreenshotAsync(visitor, "failure-blocked-visitor");
            throw;
        }
    }

    [Fact]
    public async Task A_visitor_sends_an_image_and_the_agent_sees_it_in_the_thread()
    {
        var visitor = await app.NewPageAsync(420, 720);
        await visitor.GotoAsync("chat");
        await Expect(visitor.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        try
        {
            await visitor.Locator("[data-testid=webchat-image]").SetInputFilesAsync(new FilePayload
            {
                Name = "broken-lid.png",
                MimeType = "image/png",
                Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAEAAAAAoCAIAAADBrGu+AAAAPUlEQVR42u3PQQkAAAgEsGtmBsPazww+hcEKLNXzWgQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQELhah1rK1lAv1UQAAAABJRU5ErkJggg=="),
            });
            await Expect(visitor.Locator("[data-testid=webchat-image-sent]")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(visitor, "webchat-image-sent");

            var conversation = await Eventually.GetAsync(() => app.QueryAsync(db => db.Set<Inbound.Web.Channels.Media.StoredFile>()
                .Where(f => f.FileName == "broken-lid.png").Select(f => f.ConversationId).FirstOrDefaultAsync()), "the image's conversation");
            var agent = await app.SignInAsync("admin@inbound.local", $"/inbox/{conversation}");
            var image = agent.Locator("[data-testid=attachment-image][alt='broken-lid.png']");
            await Expect(image).ToBeVisibleAsync();
            Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 64"));
            await Chromium.ScreenshotAsync(agent, "inbox-webchat-image");
        }
        catch
        {
            await Chromium.ScreenshotAsync(visitor, "failure-webchat-image");
            throw;
        }
    }

    [Fact]
    public async Task A_visitor_past_the_message_limit_is_asked_to_slow_down_and_keeps_what_they_typed()
    {
        var visitor = await app.NewPageAsync(420, 720);
        await visitor.GotoAsync("chat");
        await Expect(visitor.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        var input = visitor.Locator("[data-testid=webchat-input]");
        for (var i = 1; i <= WebChatEmbedBrowserFixture.Burst; i++)
        {
            await input.FillAsync($"hello {i}");
            await visitor.Locator("[data-testid=webchat-send]").ClickAsync();
            await Expect(visitor.Locator("[data-testid=visitor-message]", new() { HasText = $"hello {i}" })).ToBeVisibleAsync();
        }

        await input.FillAsync("hello again");
        await visitor.Locator("[data-testid=webchat-send]").ClickAsync();

        await Expect(visitor.Locator("[data-testid=webchat-error]")).ToHaveTextAsync("You're sending messages faster than we can read them. Please wait a moment and try again.");
        await Expect(input).ToHaveValueAsync("hello again");
        await Expect(visitor.Locator("[data-testid=visitor-message]")).ToHaveCountAsync(WebChatEmbedBrowserFixture.Burst);
        await Chromium.ScreenshotAsync(visitor, "webchat-slow-down");
    }
}

/// <summary>An installation where one address may hold a single visitor circuit.</summary>
public sealed class OneCircuitBrowserFixture : BrowserFixture
{
    public OneCircuitBrowserFixture() => With("WebChat:Limits:CircuitsPerAddress", "1");
}

public class WebChatCircuitLimitTests(OneCircuitBrowserFixture app) : IClassFixture<OneCircuitBrowserFixture>
{
    [Fact]
    public async Task A_second_chat_window_from_an_address_at_its_limit_is_told_to_close_some_while_the_first_goes_on()
    {
        var first = await app.NewPageAsync(420, 720);
        await first.GotoAsync("chat");
        await Expect(first.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 20_000 });

        var second = await app.NewPageAsync(420, 720);
        await second.GotoAsync("chat");

        await Expect(second.Locator("[data-testid=webchat-too-many]")).ToContainTextAsync("open in too many windows");
        await Chromium.ScreenshotAsync(second, "webchat-too-many-windows");
        await first.Locator("[data-testid=webchat-input]").FillAsync("Still here");
        await first.Locator("[data-testid=webchat-send]").ClickAsync();
        await Expect(first.Locator("[data-testid=visitor-message]", new() { HasText = "Still here" })).ToBeVisibleAsync();
        // A signed-in agent from the same address is not counted.
        await app.SignInAsync("ana@inbound.local", "/inbox");
    }
}
