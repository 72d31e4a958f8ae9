using Blazor.Diagrams.Core.Geometry;
using Inbound.Domain.Workflows;
using Microsoft.AspNetCore.Components.Web;

namespace Inbound.Web.Workflows.Designer;

/// <summary>Adding steps (dropped from the palette, or from the keyboard beside the selected one) and deleting them.</summary>
public sealed partial class WorkflowDesigner
{
    private async Task DropAsync(DragEventArgs e)
    {
        if (_dragKind is not { } kind || _tab != 0) return;
        _dragKind = null;
        await MeasureCanvasAsync();
        if (Diagram.Container is null) return;
        var point = Diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
        Add(kind, point.X - 20, point.Y - 20);
    }

    /// <summary>
    /// The palette from the keyboard: Enter on a step adds it beside the selected step, as the next one of the flow,
    /// or with nothing selected in the middle of what the canvas shows; never on top of another step.
    /// </summary>
    private async Task AddInViewAsync(NodeKind kind)
    {
        await MeasureCanvasAsync();
        if (Diagram.Container is not { } container) return;
        Point spot;
        if (_selected is not null) spot = StepPlacement.Beside(_selected, Diagram.Nodes);
        else
        {
            var middle = Diagram.GetRelativeMousePoint(container.Left + (container.Width - CoveredRight) / 2, container.Top + container.Height / 2);
            spot = StepPlacement.FreeSpot(new Point(middle.X - 120, middle.Y - 60), Diagram.Nodes);
        }
        Add(kind, spot.X, spot.Y);
    }

    private void Add(NodeKind kind, double x, double y)
    {
        var step = StepCatalog.Create(kind, CurrentNodes, x, y);
        var node = Diagram.Nodes.Add(new StepNodeModel(step));
        Diagram.SelectModel(node, unselectOthers: true);
        RevealSelected();
    }

    private async Task DeleteSelectedAsync()
    {
        if (_selected is null) return;
        var node = _selected;
        Diagram.Batch(() =>
        {
            Diagram.Links.Remove(node.PortLinks.ToList());
            Diagram.Nodes.Remove(node);
        });
        _selected = null;
        await Task.CompletedTask;
    }
}
