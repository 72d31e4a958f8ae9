using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;
using Microsoft.AspNetCore.Components;

namespace Inbound.Tests.Workflows.Designer;

/// <summary>Component tests of the designer: the diagram's JS answers with a canvas-sized rectangle, as a browser would.</summary>
public abstract class DesignerTestBase : MudComponentTest
{
    protected DesignerTestBase()
    {
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 800, 600));
    }

    protected BlazorDiagram Diagram { get; } = new();

    /// <summary>
    /// Renders the widget the diagram draws for a step, with what the designer cascades to it: the names of teams and
    /// agents, the diagram, and the outcomes a shown run took.
    /// </summary>
    protected IRenderedComponent<CascadingValue<WorkflowNames>> RenderNode(StepNodeModel model, IReadOnlyDictionary<string, HashSet<string>>? taken = null) =>
        Render<CascadingValue<WorkflowNames>>(p => p.Add(c => c.Value, WorkflowSamples.Names)
            .AddChildContent<CascadingValue<IReadOnlyDictionary<string, HashSet<string>>?>>(t => t.Add(c => c.Value, taken).Add(c => c.Name, "TakenOutcomes")
                .AddChildContent<CascadingValue<BlazorDiagram>>(d => d.Add(c => c.Value, Diagram)
                    .AddChildContent<StepNodeWidget>(w => w.Add(x => x.Node, model)))));
}
