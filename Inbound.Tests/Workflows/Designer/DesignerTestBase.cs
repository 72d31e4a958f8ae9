using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Bunit;

namespace Inbound.Tests.Workflows.Designer;

/// <summary>Component tests of the designer: the diagram's JS answers with a canvas-sized rectangle, as a browser would.</summary>
public abstract class DesignerTestBase : MudComponentTest
{
    protected DesignerTestBase()
    {
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 800, 600));
    }

    protected BlazorDiagram Diagram { get; } = new();
}
