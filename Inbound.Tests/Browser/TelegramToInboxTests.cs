using Inbound.Tests.Channels;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>The browser fixture with a Telegram channel whose Bot API is a fake on loopback.</summary>
public sealed class TelegramBrowserFixture : BrowserFixture
{
    public FakeProvider Telegram { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Telegram = (await FakeProvider.StartAsync()).ActAsTelegram();
        this.WithTelegram(Telegram);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}

/// <summary>A Telegram contact answers the workflow's question with an inline button; the agent replies with an image.</summary>
public class TelegramToInboxTests(TelegramBrowserFixture app) : IClassFixture<TelegramBrowserFixture>
{
    [Fact]
    public async Task A_telegram_contacts_button_tap_reaches_the_agent_whose_image_reply_is_sent_as_a_photo_and_shown_delivered()
    {
        var agent = await app.SignInAsync("ana@inbound.local", "/inbox");
        try
        {
            await UntilShown.PickAsync(agent.Locator("[data-testid=appbar-user]"), "Online", agent.Locator("[data-testid=availability]", new() { HasText = "Online" }));

            var http = app.CreateHttpClient();
            (await FakeTelegram.PostUpdateAsync(http, FakeTelegram.Payload("telegram-message-text.json"))).Dispose();
            await app.Telegram.RequestAsync(r => r.Path.EndsWith("/sendMessage") && r.Text.Contains("inline_keyboard"), "the question with its buttons");
            // The contact taps "Sales" under the question.
            (await FakeTelegram.PostUpdateAsync(http, FakeTelegram.Payload("telegram-callback-query.json"))).Dispose();

            var item = agent.Locator("[data-testid=conversation-item]:has-text('Test Firstname Test Lastname')");
            await Expect(item).ToBeVisibleAsync();
            await item.ClickAsync();
            await Expect(agent.Locator("[data-testid=inbound]", new() { HasText = "Sales" })).ToBeVisibleAsync();

            await agent.Locator("[data-testid=attach-input]").SetInputFilesAsync(new FilePayload
            {
                Name = "return-label.png",
                MimeType = "image/png",
                Buffer = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Channels", "Payloads", "return-label.png")),
            });
            await Expect(agent.Locator("[data-testid=composer-files]")).ToContainTextAsync("return-label.png");
            await agent.Locator("textarea[data-testid=composer-input]").FillAsync("Here is your return label");
            await agent.Locator("[data-testid=send]").ClickAsync();

            var photo = await app.Telegram.RequestAsync(r => r.Path.EndsWith("/sendPhoto"), "sendPhoto at the fake Bot API");
            Assert.StartsWith("multipart/form-data", photo.ContentType);
            Assert.Contains("Here is your return label", photo.Text);
            Assert.Contains("filename=return-label.png", photo.Text);

            var reply = agent.Locator("[data-testid=outbound]", new() { HasText = "Here is your return label" });
            await Expect(reply.Locator("[data-testid=delivery]")).ToContainTextAsync("Delivered");
            // The image is served to the agent (an authorized download) and shown inline.
            var image = reply.Locator("[data-testid=attachment-image]");
            await Expect(image).ToBeVisibleAsync();
            await agent.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
            await Chromium.ScreenshotAsync(agent, "telegram-inbox-image-reply");

            await agent.SetViewportSizeAsync(390, 844);
            await reply.Locator("[data-testid=delivery]").ScrollIntoViewIfNeededAsync();
            await Expect(reply.Locator("[data-testid=delivery]")).ToBeInViewportAsync();
            await Chromium.ScreenshotAsync(agent, "telegram-inbox-image-reply-phone");
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-telegram-agent");
            throw;
        }
    }

}
