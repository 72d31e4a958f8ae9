using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// Where a step added from the keyboard goes: to the right of the selected step, as the next step of a flow drawn
/// left to right, or else in the middle of the view; moved down until it covers no other step.
/// </summary>
public static class StepPlacement
{
    /// <summary>Room between a step and the one added beside it, wide enough for the link between them.</summary>
    public const double Gap = 80;

    // A new card's size before it is measured: the usual card (designer.css).
    private const double NewWidth = 240, NewHeight = 160, Spacing = 24;

    public static Point Beside(NodeModel selected, IEnumerable<NodeModel> nodes)
    {
        var box = DesignerViewport.BoundsOf(selected);
        return FreeSpot(new Point(box.Right + Gap, box.Top), nodes);
    }

    /// <summary>The first place at or below <paramref name="wanted"/> where a new card overlaps no step.</summary>
    public static Point FreeSpot(Point wanted, IEnumerable<NodeModel> nodes)
    {
        var boxes = nodes.Select(DesignerViewport.BoundsOf).ToList();
        var spot = wanted;
        for (var tries = 0; tries < 100; tries++)
        {
            var candidate = new Rectangle(spot.X - Spacing, spot.Y - Spacing, spot.X + NewWidth + Spacing, spot.Y + NewHeight + Spacing);
            var blocking = boxes.Where(b => b.Overlap(candidate)).ToList();
            if (blocking.Count == 0) return spot;
            spot = new Point(spot.X, blocking.Max(b => b.Bottom) + Spacing);
        }
        return spot;
    }
}
