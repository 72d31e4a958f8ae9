using Microsoft.Playwright;

namespace Inbound.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright, headless; screenshots go to a folder the test run keeps.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install -y chromium");
        // A page waking on a 2-core CI machine busy with other test classes takes longer than Playwright's 5 s default
        // for an expectation; a real failure still fails, only later.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // Finished transitions: a menu or dialog still fading in would come out half transparent.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), Animations = ScreenshotAnimations.Disabled });
    }
}
