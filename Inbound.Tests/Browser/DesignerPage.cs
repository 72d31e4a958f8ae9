using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inbound.Tests.Browser;

/// <summary>What browser tests of the workflow designer do with its page: open it, find steps and ports, measure them.</summary>
public static class DesignerPage
{
    /// <summary>Opens a workflow in the designer and waits until its canvas shows the opening view.</summary>
    public static async Task OpenAsync(IPage page, Guid workflowId)
    {
        await BrowserFixture.OpenAsync(page, $"/workflows/{workflowId}");
        await Expect(page.Locator(".wf-designer[data-ready]")).ToBeVisibleAsync();
    }

    public static ILocator Node(IPage page, string id) => page.Locator($".wf-node[data-node-id='{id}']");

    public static ILocator Canvas(IPage page) => page.Locator(".wf-canvas");

    public static ILocator OutcomePort(IPage page, string nodeId, string outcome) =>
        Node(page, nodeId).Locator($".wf-outcome[data-outcome='{outcome}'] .wf-port-out");

    public static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not shown.");

    public static bool Inside(LocatorBoundingBoxResult inner, LocatorBoundingBoxResult outer) =>
        inner.X >= outer.X - 0.5 && inner.Y >= outer.Y - 0.5
        && inner.X + inner.Width <= outer.X + outer.Width + 0.5 && inner.Y + inner.Height <= outer.Y + outer.Height + 0.5;

    public static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    /// <summary>Waits until the box of <paramref name="locator"/> passes <paramref name="check"/> (the canvas pans and zooms after a render or two).</summary>
    public static Task UntilBoxAsync(ILocator locator, Func<LocatorBoundingBoxResult, Task<bool>> check, string what) =>
        Eventually.TrueAsync(async () => await locator.BoundingBoxAsync() is { } box && await check(box), what);
}
