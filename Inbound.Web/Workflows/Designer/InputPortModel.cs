using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace Inbound.Web.Workflows.Designer;

/// <summary>Where links arrive on a step. Links never start here: the link factory refuses to draw from it.</summary>
public sealed class InputPortModel(StepNodeModel parent) : PortModel($"{parent.Id}:in", parent, PortAlignment.Left)
{
    public override bool CanAttachTo(ILinkable other) => false;
}
