using Inbound.Tests.Channels;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>The browser fixture with a LINE channel whose API and data API are a fake on loopback.</summary>
public sealed class LineBrowserFixture : BrowserFixture
{
    public FakeProvider Line { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Line = (await FakeProvider.StartAsync()).ActAsLine();
        this.WithLine(Line);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Line.DisposeAsync();
    }
}

/// <summary>A Thai LINE contact taps a quick reply; the agent sees their LINE name and picture, replies in Thai, and learns when they block the account.</summary>
public class LineToInboxTests(LineBrowserFixture app) : IClassFixture<LineBrowserFixture>
{
    [Fact]
    public async Task A_thai_LINE_contacts_quick_reply_reaches_the_agent_with_their_LINE_name_and_picture_and_the_reply_goes_to_LINE()
    {
        var agent = await app.SignInAsync("ana@inbound.local", "/inbox");
        try
        {
            await UntilShown.PickAsync(agent.Locator("[data-testid=appbar-user]"), "Online", agent.Locator("[data-testid=availability]", new() { HasText = "Online" }));

            var http = app.CreateHttpClient();
            (await FakeLine.PostAsync(http, FakeLine.Payload("line-thai-text.json"))).Dispose();
            await app.Line.RequestAsync(r => r.Path.StartsWith("/v2/bot/message/") && r.Text.Contains("quickReply"), "the question with its quick replies");
            // The contact taps "Sales" under the question.
            (await FakeLine.PostAsync(http, FakeLine.Postback(FakeLine.ThaiUser, "Sales", "01JE0THAI0000000000000TAPS"))).Dispose();

            var item = agent.Locator("[data-testid=conversation-item]", new() { HasText = FakeLine.DisplayName });
            await Expect(item).ToBeVisibleAsync();
            await item.ClickAsync();
            await Expect(agent.Locator("[data-testid=inbound]", new() { HasText = "อยากสอบถามเรื่องการคืนสินค้า" })).ToBeVisibleAsync();
            await Expect(agent.Locator("[data-testid=inbound]", new() { HasText = "Sales" })).ToBeVisibleAsync();
            await Expect(agent.Locator("[data-testid=contact-name]")).ToHaveTextAsync(FakeLine.DisplayName);
            var picture = agent.Locator("[data-testid=contact-picture]");
            await Expect(picture).ToHaveAttributeAsync("src", FakeLine.PictureUrl(app.Line));
            await agent.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await picture.ElementHandleAsync());

            const string answer = "ได้เลยค่ะ จะส่งใบคืนสินค้าให้นะคะ";
            await agent.Locator("textarea[data-testid=composer-input]").FillAsync(answer);
            await agent.Locator("[data-testid=send]").ClickAsync();

            var sent = await app.Line.RequestAsync(r => r.Path is "/v2/bot/message/reply" or "/v2/bot/message/push" && r.Text.Contains(answer),
                "the agent's reply at the fake LINE API");
            Assert.Equal($"Bearer {FakeLine.AccessToken}", sent.Header("Authorization"));
            var reply = agent.Locator("[data-testid=outbound]", new() { HasText = answer });
            await Expect(reply.Locator("[data-testid=delivery]")).ToContainTextAsync("Delivered");
            await Chromium.ScreenshotAsync(agent, "line-inbox");

            // The contact blocks the account: the agent who opens the conversation is told before writing into the void.
            (await FakeLine.PostAsync(http, FakeLine.Payload("line-unfollow.json").Replace(FakeLine.ReferenceUser, FakeLine.ThaiUser))).Dispose();
            await BrowserFixture.OpenAsync(agent, new Uri(agent.Url).PathAndQuery);
            await Expect(agent.Locator("[data-testid=composer-unreachable]")).ToContainTextAsync("Blocked the LINE account");
            await Expect(agent.Locator("[data-testid=contact-unreachable]")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(agent, "line-inbox-unreachable");

            await agent.SetViewportSizeAsync(390, 844);
            await reply.Locator("[data-testid=delivery]").ScrollIntoViewIfNeededAsync();
            await Expect(reply.Locator("[data-testid=delivery]")).ToBeInViewportAsync();
            await Chromium.ScreenshotAsync(agent, "line-inbox-phone");
        }
        catch
        {
            await Chromium.ScreenshotAsync(agent, "failure-line-agent");
            throw;
        }
    }

    [Fact]
    public async Task The_LINE_channel_card_shows_its_webhook_url_and_push_quota_and_verifies_the_webhook_with_LINE()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await BrowserFixture.OpenAsync(page, "/settings/channels");
            var card = page.Locator("[data-testid=channel-row]", new() { HasText = "LINE" });
            await Expect(card.Locator("[data-testid=webhook-url]")).ToHaveTextAsync(new Uri(app.BaseAddress, $"api/channels/{FakeLine.ChannelKey}/line").ToString());
            await Expect(card.Locator("[data-testid=line-quota]")).ToContainTextAsync("42 of 500");

            await card.Locator("[data-testid=line-verify]").ClickAsync();
            await Expect(card.Locator("[data-testid=line-verify-result]")).ToContainTextAsync("LINE reached the webhook");
            var test = await app.Line.RequestAsync(r => r.Path == "/v2/bot/channel/webhook/test", "the webhook test call");
            Assert.Contains($"api/channels/{FakeLine.ChannelKey}/line", test.Text);
            await Chromium.ScreenshotAsync(page, "line-channel-page");

            await page.SetViewportSizeAsync(390, 844);
            await card.Locator("[data-testid=line-verify]").ScrollIntoViewIfNeededAsync();
            await Expect(card.Locator("[data-testid=line-verify-result]")).ToBeInViewportAsync();
            await Chromium.ScreenshotAsync(page, "line-channel-page-phone");
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-line-channel");
            throw;
        }
    }
}
