using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using DiagramPointerEventArgs = Blazor.Diagrams.Core.Events.PointerEventArgs;

namespace Inbound.Web.Workflows.Designer;

/// <summary>The selected step: its settings panel, kept in view beside it, and the problems list folded away meanwhile.</summary>
public sealed partial class WorkflowDesigner
{
    private void OnSelectionChanged(SelectableModel model)
    {
        var selected = Diagram.GetSelectedModels().OfType<StepNodeModel>().FirstOrDefault();
        if (selected == _selected) return;
        _selected = selected;
        // A click selects on pointer down, where a drag of the step may start: panning then would tear the step
        // away from the pointer. The step is brought clear of the panel when the pointer is released.
        _revealOnPointerUp = selected is not null;
        InvokeAsync(StateHasChanged);
    }

    private bool _revealOnPointerUp;

    /// <summary>The canvas's right part that the settings panel covers while a step is selected.</summary>
    private double CoveredRight => _selected is null && !_simulating ? 0 : DesignerViewport.SettingsPanelWidth;

    /// <summary>Pans so that the selected step shows whole beside the settings panel.</summary>
    private void RevealSelected()
    {
        _revealOnPointerUp = false;
        if (_selected is not null) _viewport.Reveal(_selected, CoveredRight);
    }

    // Working on the canvas folds the problems list away: it lies over the canvas's bottom left.
    private void OnPointerDown(Model? model, DiagramPointerEventArgs e)
    {
        if (!_issuesOpen) return;
        _issuesOpen = false;
        InvokeAsync(StateHasChanged);
    }

    private void OnPointerUp(Model? model, DiagramPointerEventArgs e)
    {
        if (_revealOnPointerUp) RevealSelected();
    }

    private void CloseSettings()
    {
        Diagram.UnselectAll();
        _selected = null;
    }

    private void Focus(string? nodeId)
    {
        if (nodeId is null || Diagram.Nodes.FirstOrDefault(n => n.Id == nodeId) is not StepNodeModel node) return;
        Diagram.SelectModel(node, unselectOthers: true);
        _selected = node;
        RevealSelected();
    }
}
