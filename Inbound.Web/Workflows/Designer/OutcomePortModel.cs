using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Inbound.Domain.Workflows;

namespace Inbound.Web.Workflows.Designer;

/// <summary>One way a step can finish, as a port on its right edge: a link from it says where that outcome leads.</summary>
public sealed class OutcomePortModel(StepNodeModel parent, NodeOutcome outcome)
    : PortModel($"{parent.Id}:out:{outcome.Key}", parent, PortAlignment.Right)
{
    public string OutcomeKey { get; } = outcome.Key;
    public string Label { get; private set; } = outcome.Label;

    public StepNodeModel Step => (StepNodeModel)Parent;

    internal void Relabel(string label) => Label = label;

    /// <summary>An outcome leads into another step's input, dropped either on the input port or anywhere on the step.</summary>
    public override bool CanAttachTo(ILinkable other) => other switch
    {
        InputPortModel input => input.Parent != Parent,
        StepNodeModel node => node != Parent && node.Input is not null,
        _ => false,
    };
}
