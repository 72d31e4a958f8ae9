using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>The pre-chat form an admin switches on (WebChat:PreChatForm), as the browser fixture does.</summary>
public class WebChatPreChatFormTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_new_visitor_can_give_their_name_and_email_before_the_first_message()
    {
        var visitor = await app.NewPageAsync(390, 720);
        await visitor.GotoAsync("chat");
        await Expect(visitor.Locator("[data-testid=webchat-input]")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        var name = $"Maria {Guid.NewGuid():N}"[..14];
        await visitor.Locator("[data-testid=webchat-name]").FillAsync(name);
        await visitor.Locator("[data-testid=webchat-email]").FillAsync("maria@example.com");
        await Chromium.ScreenshotAsync(visitor, "webchat-prechat-phone");

        await visitor.Locator("[data-testid=webchat-input]").FillAsync("Hello, I'd like a quote");
        await visitor.Locator("[data-testid=webchat-send]").ClickAsync();

        await Expect(visitor.Locator("[data-testid=visitor-message]", new() { HasText = "Hello, I'd like a quote" })).ToBeVisibleAsync();
        await Expect(visitor.Locator("[data-testid=webchat-prechat]")).ToHaveCountAsync(0);
        var contact = await app.QueryAsync(db => db.Contacts.SingleAsync(c => c.Name == name));
        Assert.Equal(("maria@example.com", false), (contact.Email, contact.IsAnonymous));
    }
}
