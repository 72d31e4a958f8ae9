using Inbound.Domain.Workflows;
using Microsoft.AspNetCore.Components;

namespace Inbound.Web.Workflows.Designer.Nodes;

/// <summary>
/// The card of one kind of step: it frames itself with <see cref="NodeCard"/> and shows its own settings, typed, in the
/// card's body, with the names of the teams and agents they refer to.
/// </summary>
public abstract class StepNodeBody<TStep> : ComponentBase where TStep : WorkflowNode
{
    [Parameter, EditorRequired] public StepNodeModel Node { get; set; } = null!;

    [CascadingParameter] public WorkflowNames? Names { get; set; }

    protected TStep Step => (TStep)Node.Step;

    protected WorkflowNames KnownNames => Names ?? WorkflowNames.None;
}
