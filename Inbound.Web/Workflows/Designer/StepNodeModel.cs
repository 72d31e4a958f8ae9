using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Inbound.Domain.Workflows;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// A step on the canvas. It holds the domain node (its settings) and shows an input port on the left, unless it is
/// the trigger, and one output port per outcome of the node, in the node's order.
/// </summary>
public sealed class StepNodeModel : NodeModel
{
    public StepNodeModel(WorkflowNode step) : base(step.Id, new Point(step.X, step.Y))
    {
        Step = step;
        if (step is not TriggerNode) Input = (InputPortModel)AddPort(new InputPortModel(this));
        foreach (var outcome in step.Outcomes()) AddPort(new OutcomePortModel(this, outcome));
    }

    public WorkflowNode Step { get; }
    public StepKindInfo Info => StepCatalog.For(Step.Kind);
    public InputPortModel? Input { get; }

    public IEnumerable<OutcomePortModel> OutcomePorts => Ports.OfType<OutcomePortModel>();

    public OutcomePortModel? OutcomePort(string key) => OutcomePorts.FirstOrDefault(p => p.OutcomeKey == key);

    /// <summary>Issues of the last validation that point at this step.</summary>
    public IReadOnlyList<WorkflowIssue> Issues { get; set; } = [];

    /// <summary>Set while a run's trace is shown: whether the run passed through this step.</summary>
    public TraceMark Trace { get; set; }

    /// <summary>Dropping a link on the step itself means its input.</summary>
    public override bool CanAttachTo(ILinkable other) => false;

    /// <summary>
    /// Brings the ports in line with the node's outcomes after its settings changed (options of a question, rules of a
    /// branch): new outcomes get a port, vanished ones lose their port and links. Returns the removed links.
    /// </summary>
    public IReadOnlyList<BaseLinkModel> SyncOutcomePorts()
    {
        var outcomes = Step.Outcomes();
        var removed = new List<BaseLinkModel>();
        foreach (var port in OutcomePorts.Where(p => outcomes.All(o => o.Key != p.OutcomeKey)).ToList())
        {
            removed.AddRange(port.Links);
            RemovePort(port);
        }
        foreach (var outcome in outcomes)
        {
            if (OutcomePort(outcome.Key) is { } existing) existing.Relabel(outcome.Label);
            else AddPort(new OutcomePortModel(this, outcome));
        }
        // Keep the ports in the node's order so that the widget lists them as the domain does.
        var ordered = outcomes.Select(o => OutcomePort(o.Key)!).ToList();
        foreach (var port in ordered) RemovePort(port);
        foreach (var port in ordered) AddPort(port);
        return removed;
    }
}

public enum TraceMark
{
    None,
    Visited,
    NotVisited,
}
