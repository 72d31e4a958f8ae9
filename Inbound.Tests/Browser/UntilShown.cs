using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>
/// Repeats a browser action until its effect shows. For MudBlazor's popovers, which place themselves by script after
/// they render: a click can land where an option was a frame before. A person is never that fast; a test is.
/// </summary>
public static class UntilShown
{
    private static async Task RepeatAsync(Func<Task> act, ILocator effect, int attempts = 4)
    {
        for (var attempt = 1; ; attempt++)
        {
            await act();
            try
            {
                // 2, 4, 8, then 16 s: a quick retry for a missed click, and patience for a machine under load.
                await Expect(effect).ToBeVisibleAsync(new() { Timeout = 1_000 << attempt });
                return;
            }
            catch (PlaywrightException) when (attempt < attempts)
            {
            }
        }
    }

    /// <summary>Clicks until <paramref name="effect"/> shows: for controls whose handler may not be attached at the first click.</summary>
    public static Task ClickAsync(ILocator target, ILocator effect) => RepeatAsync(() => target.ClickAsync(), effect);

    /// <summary>Focuses <paramref name="target"/> and presses <paramref name="key"/> until <paramref name="effect"/> shows.</summary>
    public static Task PressAsync(ILocator target, string key, ILocator effect) =>
        RepeatAsync(async () =>
        {
            if (await effect.IsVisibleAsync()) return;
            await target.FocusAsync();
            await target.Page.Keyboard.PressAsync(key);
        }, effect);

    /// <summary>Opens a MudBlazor select or menu and picks an option, until <paramref name="effect"/> shows the pick.</summary>
    public static Task PickAsync(ILocator opener, string option, ILocator effect) =>
        RepeatAsync(async () =>
        {
            var choice = opener.Page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).First;
            if (!await choice.IsVisibleAsync()) await opener.ClickAsync();
            try
            {
                await choice.ClickAsync(new() { Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                // The list did not open, or closed again: the next attempt opens it anew.
            }
        }, effect);
}
