using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Events;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// The wheel over the canvas as in map and design tools: Ctrl+wheel (and a trackpad's pinch, which browsers send as
/// Ctrl+wheel) zooms around the pointer, a mouse notch being one zoom step; the wheel alone scrolls the canvas,
/// sideways with Shift. designer.js keeps the browser from zooming or scrolling the page at the same time.
/// </summary>
public sealed class CanvasWheelBehavior : Behavior
{
    // A mouse notch scrolls 100 px in Chromium (3 lines in Firefox): it takes one zoom step, as the buttons do. A
    // trackpad's pinch sends many small deltas: they zoom smoothly, 200 px of them doubling the scale.
    private const double NotchPixels = 48, PixelsPerDoubling = 200;

    private readonly DesignerViewport _viewport;

    public CanvasWheelBehavior(Diagram diagram, DesignerViewport viewport) : base(diagram)
    {
        _viewport = viewport;
        Diagram.Wheel += OnWheel;
    }

    private void OnWheel(WheelEventArgs e)
    {
        if (Diagram.Container is not { } container) return;
        // Firefox counts lines or pages where Chromium counts pixels.
        var unit = e.DeltaMode switch { 1 => 16, 2 => container.Height, _ => 1 };
        var dx = e.DeltaX * unit;
        var dy = e.DeltaY * unit;
        if (e.CtrlKey)
        {
            if (dy == 0) return;
            var zoom = Math.Abs(dy) >= NotchPixels
                ? dy < 0 ? DesignerViewport.StepUp(Diagram.Zoom) : DesignerViewport.StepDown(Diagram.Zoom, Diagram.Options.Zoom.Minimum)
                : Diagram.Zoom * Math.Pow(2, -dy / PixelsPerDoubling);
            _viewport.ZoomAround(zoom, e.ClientX - container.Left, e.ClientY - container.Top);
        }
        else if (e.ShiftKey && dx == 0) Diagram.UpdatePan(-dy, 0);
        else if (dx != 0 || dy != 0) Diagram.UpdatePan(-dx, -dy);
    }

    public override void Dispose() => Diagram.Wheel -= OnWheel;
}
