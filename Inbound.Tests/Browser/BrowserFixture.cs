using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>
/// The real app on Kestrel plus Debian's headless Chromium driven by Playwright (see <see cref="Chromium"/>),
/// shared by the tests of one class. Each page gets its own browser context, so its own cookies.
/// </summary>
public class BrowserFixture : InboundApp
{
    private IPlaywright? _playwright;

    /// <summary>Visitors can give their name in the tests' chat (the pre-chat form); <see cref="WebChatDefaultsBrowserFixture"/> keeps the default.</summary>
    public BrowserFixture() => With("WebChat:PreChatForm", "true");

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh browser context (own cookies) with a page aimed at the app.</summary>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in through the login form, landing on <paramref name="path"/>.</summary>
    public async Task<IPage> SignInAsync(string email, string path = "/")
    {
        var page = await NewPageAsync(1440, 900);
        await page.GotoAsync(path);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path.TrimStart('/')) + "$"));
        await WhenInteractiveAsync(page);
        return page;
    }

    /// <summary>Opens an app page and waits until it runs interactively: a click on the prerendered copy may be lost.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WhenInteractiveAsync(page);
    }

    private static Task WhenInteractiveAsync(IPage page) => Expect(page.Locator(".mud-layout[data-interactive=true]")).ToBeVisibleAsync();

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>The browser fixture on an installation without the demo workflow.</summary>
public sealed class NoWorkflowsBrowserFixture : BrowserFixture
{
    public NoWorkflowsBrowserFixture() => With("Seed:DemoWorkflow", "false");
}

/// <summary>The browser fixture with the web chat as an installation starts: no pre-chat form.</summary>
public sealed class WebChatDefaultsBrowserFixture : BrowserFixture
{
    public WebChatDefaultsBrowserFixture() => With("WebChat:PreChatForm", "false");
}
