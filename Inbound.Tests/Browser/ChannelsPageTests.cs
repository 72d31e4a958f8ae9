using Inbound.Domain.Channels;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

public class ChannelsPageTests(NoWorkflowsBrowserFixture app) : IClassFixture<NoWorkflowsBrowserFixture>
{
    [Fact]
    public async Task An_admin_adds_a_custom_channel_and_sees_its_webhook_url_with_the_secret_kept_write_only()
    {
        var page = await app.SignInAsync("admin@inbound.local", "/inbox");
        try
        {
            await BrowserFixture.OpenAsync(page, "/settings/channels");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Channels", Exact = true })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=channel-row]")).ToHaveCountAsync(2);

            await UntilShown.ClickAsync(page.Locator("[data-testid=add-channel]"), page.Locator("[data-testid=channel-dialog]"));
            await page.Locator("input[data-testid=channel-name]").FillAsync("Shop backend");
            await page.Locator("input[data-testid=channel-key]").FillAsync("shop");
            await page.Locator("input[data-testid=channel-secret]").FillAsync("shop-signing-secret-9876");
            await page.Locator($"input[data-testid=setting-{ChannelSettingNames.OutboundUrl}]").FillAsync("https://shop.example.com/inbound/replies");
            await Chromium.ScreenshotAsync(page, "channels-add-dialog");
            await page.Locator("[data-testid=channel-save]").ClickAsync();

            var card = page.Locator("[data-testid=channel-row]", new() { HasText = "Shop backend" });
            await Expect(card).ToBeVisibleAsync();
            await Expect(card.Locator("[data-testid=webhook-url]")).ToHaveTextAsync(new Uri(app.BaseAddress, "api/channels/shop/messages").ToString());
            await Expect(card).Not.ToContainTextAsync("shop-signing-secret-9876");

            await card.Locator("[data-testid=edit-channel]").ClickAsync();
            await Expect(page.Locator("[data-testid=channel-dialog]")).ToContainTextAsync("Stored: ••••9876");
            await Expect(page.Locator("input[data-testid=channel-secret]")).ToHaveValueAsync("");
            await page.Locator("[data-testid=channel-cancel]").ClickAsync();
            await Expect(page.Locator("[data-testid=channel-save]")).ToHaveCountAsync(0);

            await Chromium.ScreenshotAsync(page, "channels-page");
            await page.SetViewportSizeAsync(390, 844);
            await Expect(card.Locator("[data-testid=webhook-url]")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "channels-page-phone");
        }
        catch
        {
            await Chromium.ScreenshotAsync(page, "failure-channels");
            throw;
        }
    }
}
