using Microsoft.Playwright;

namespace Inbound.Tests.Browser;

/// <summary>
/// The real app on Kestrel plus Debian's headless Chromium driven by Playwright. The browser is the system one
/// (/usr/bin/chromium): Playwright's own browser download cannot work on this kind of machine.
/// </summary>
public class BrowserFixture : InboundApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (own cookies) with a page aimed at the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves what the page shows, for the person reading a failure (TestResults/screenshots).</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
