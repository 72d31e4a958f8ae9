using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// What the designer's canvas shows: where it opens, its zoom steps, fitting, and keeping a chosen step clear of the
/// settings panel that lies over the canvas's right edge. Screen sizes here are CSS pixels of the canvas.
/// </summary>
public sealed class DesignerViewport : IDisposable
{
    /// <summary>The zoom a card's text reads at without effort: the canvas opens at it whenever the steps allow.</summary>
    public const double ReadableZoom = 1;

    /// <summary>
    /// Zoom steps as on a map: each one the same ratio from the last (√2, so two steps double the scale) rather than a
    /// fixed amount, so a step feels as big at 35 % as at 140 %.
    /// </summary>
    public static readonly IReadOnlyList<double> Steps = [0.25, 0.35, 0.5, 0.7, 1, 1.4, 2];

    /// <summary>Width of the settings panel over the canvas (designer.css, <c>.wf-settings</c>).</summary>
    public const double SettingsPanelWidth = 360;

    /// <summary>
    /// How near a port (in screen pixels, whatever the zoom) a dragged link's end snaps to it. A snap wins over the step
    /// under the pointer, so it stays below the 60 px the template leaves between steps.
    /// </summary>
    public const double SnapDistance = 40;

    // Sizes of a card not measured yet (a freshly loaded canvas): designer.css gives cards 240 px.
    private const double CardWidth = 240, CardHeight = 220, Margin = 48;

    private readonly BlazorDiagram _diagram;

    public DesignerViewport(BlazorDiagram diagram)
    {
        _diagram = diagram;
        // The wheel zooms only with Ctrl, in steps of its own; without Ctrl it scrolls the canvas.
        diagram.UnregisterBehavior<ZoomBehavior>();
        diagram.RegisterBehavior(new CanvasWheelBehavior(diagram, this));
        diagram.ZoomChanged += KeepSnappingDistance;
        KeepSnappingDistance();
    }

    public double Zoom => _diagram.Zoom;

    /// <summary>The next step up from the current zoom (the next on the ladder, not a fixed amount more).</summary>
    public static double StepUp(double zoom) => Steps.FirstOrDefault(s => s > zoom * 1.01, Steps[^1]);

    public static double StepDown(double zoom, double minimum) => Steps.LastOrDefault(s => s < zoom / 1.01, minimum);

    public void ZoomIn(double coveredRight = 0) => ZoomAroundCentre(StepUp(Zoom), coveredRight);

    public void ZoomOut(double coveredRight = 0) => ZoomAroundCentre(StepDown(Zoom, _diagram.Options.Zoom.Minimum), coveredRight);

    private void ZoomAroundCentre(double zoom, double coveredRight)
    {
        if (_diagram.Container is not { } container) return;
        ZoomAround(zoom, (container.Width - coveredRight) / 2, container.Height / 2);
    }

    /// <summary>Zooms keeping the canvas point under (x, y) (relative to the canvas) where it is, as a map does under the pointer.</summary>
    public void ZoomAround(double zoom, double x, double y)
    {
        zoom = Math.Clamp(zoom, _diagram.Options.Zoom.Minimum, _diagram.Options.Zoom.Maximum);
        var old = _diagram.Zoom;
        var pan = _diagram.Pan;
        _diagram.Batch(() =>
        {
            _diagram.SetZoom(zoom);
            _diagram.SetPan(x - (x - pan.X) * zoom / old, y - (y - pan.Y) * zoom / old);
        });
    }

    /// <summary>
    /// The opening view: every step if they all fit at a readable zoom; otherwise the readable zoom around the trigger,
    /// slid towards the steps so that the side without any shows as little empty canvas as it can.
    /// </summary>
    public void Open()
    {
        if (Bounds() is not { } all || _diagram.Container is not { } container) return;
        if (FitZoom(all, container.Width, container.Height) >= ReadableZoom)
        {
            Fit();
            return;
        }
        var start = _diagram.Nodes.OfType<StepNodeModel>().FirstOrDefault(n => n.Step is Domain.Workflows.TriggerNode)
            ?? _diagram.Nodes.OrderBy(n => n.Position.X).First();
        var trigger = BoundsOf(start);
        var zoom = ReadableZoom;
        var panX = container.Width / 2 - (trigger.Left + trigger.Width / 2) * zoom;
        var panY = container.Height / 2 - (trigger.Top + trigger.Height / 2) * zoom;
        panX = Slide(panX, all.Left, all.Right, zoom, container.Width);
        panY = Slide(panY, all.Top, all.Bottom, zoom, container.Height);
        _diagram.Batch(() =>
        {
            _diagram.SetZoom(zoom);
            _diagram.SetPan(panX, panY);
        });
    }

    /// <summary>
    /// Moves a centred view towards the steps when one side shows empty canvas past the last step while steps on the
    /// other side are cut off; never further than either.
    /// </summary>
    private static double Slide(double pan, double start, double end, double zoom, double length)
    {
        var emptyBefore = pan + start * zoom - Margin;
        var hiddenAfter = pan + end * zoom - (length - Margin);
        if (emptyBefore > 0 && hiddenAfter > 0) return pan - Math.Min(emptyBefore, hiddenAfter);
        var emptyAfter = length - Margin - (pan + end * zoom);
        var hiddenBefore = Margin - (pan + start * zoom);
        if (emptyAfter > 0 && hiddenBefore > 0) return pan + Math.Min(emptyAfter, hiddenBefore);
        return pan;
    }

    /// <summary>Fits every step in view (or the given steps, in the part of the canvas not covered on the right), never past 100 %.</summary>
    public void Fit(IEnumerable<NodeModel>? nodes = null, double coveredRight = 0)
    {
        if (Bounds(nodes) is not { } bounds || _diagram.Container is not { } container) return;
        var width = container.Width - coveredRight;
        var zoom = Math.Clamp(FitZoom(bounds, width, container.Height), _diagram.Options.Zoom.Minimum, 1);
        _diagram.Batch(() =>
        {
            _diagram.SetZoom(zoom);
            _diagram.SetPan((width - bounds.Width * zoom) / 2 - bounds.Left * zoom, (container.Height - bounds.Height * zoom) / 2 - bounds.Top * zoom);
        });
    }

    /// <summary>
    /// Pans as little as needed for the step to show whole beside the settings panel (covering the canvas's right
    /// <paramref name="coveredRight"/> pixels). A step larger than that room shows from its top left.
    /// </summary>
    public void Reveal(NodeModel node, double coveredRight)
    {
        if (_diagram.Container is not { } container) return;
        var box = BoundsOf(node);
        var zoom = _diagram.Zoom;
        var pan = _diagram.Pan;
        var dx = Nudge(pan.X + box.Left * zoom, box.Width * zoom, container.Width - coveredRight);
        var dy = Nudge(pan.Y + box.Top * zoom, box.Height * zoom, container.Height);
        if (dx != 0 || dy != 0) _diagram.UpdatePan(dx, dy);
    }

    /// <summary>How far to move a span starting at <paramref name="start"/> so that it lies within [margin, room - margin].</summary>
    private static double Nudge(double start, double size, double room)
    {
        var margin = Math.Min(Margin / 2, Math.Max(0, (room - size) / 2));
        if (start < margin || size > room - 2 * margin) return margin - start;
        var overflow = start + size - (room - margin);
        return overflow > 0 ? -overflow : 0;
    }

    /// <summary>The canvas's rectangle of a step in diagram units, with the usual card size until it has been measured.</summary>
    public static Rectangle BoundsOf(NodeModel node) =>
        new(node.Position.X, node.Position.Y, node.Position.X + (node.Size?.Width ?? CardWidth), node.Position.Y + (node.Size?.Height ?? CardHeight));

    private Rectangle? Bounds(IEnumerable<NodeModel>? nodes = null)
    {
        var boxes = (nodes ?? _diagram.Nodes).Select(BoundsOf).ToList();
        if (boxes.Count == 0) return null;
        return new Rectangle(boxes.Min(b => b.Left), boxes.Min(b => b.Top), boxes.Max(b => b.Right), boxes.Max(b => b.Bottom));
    }

    private static double FitZoom(Rectangle bounds, double width, double height) =>
        Math.Min((width - 2 * Margin) / bounds.Width, (height - 2 * Margin) / bounds.Height);

    // The library compares a dragged link's end with ports in diagram units: keep its radius the same on screen.
    private void KeepSnappingDistance() => _diagram.Options.Links.SnappingRadius = SnapDistance / _diagram.Zoom;

    public void Dispose() => _diagram.ZoomChanged -= KeepSnappingDistance;
}
