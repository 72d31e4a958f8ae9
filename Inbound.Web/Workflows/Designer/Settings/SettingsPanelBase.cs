using Inbound.Domain.Workflows;
using Microsoft.AspNetCore.Components;

namespace Inbound.Web.Workflows.Designer.Settings;

/// <summary>
/// A settings form for one kind of step. It edits the step in place and says so through <see cref="Changed"/>, so that
/// the designer refreshes the node, its ports, validation and undo history in one place.
/// </summary>
public abstract class SettingsPanelBase<TStep> : ComponentBase where TStep : WorkflowNode
{
    [Parameter, EditorRequired] public TStep Step { get; set; } = null!;
    [Parameter] public DesignerChoices Choices { get; set; } = DesignerChoices.Empty;
    [Parameter] public EventCallback Changed { get; set; }

    protected Task Set(Action<TStep> change)
    {
        change(Step);
        return Changed.InvokeAsync();
    }
}
