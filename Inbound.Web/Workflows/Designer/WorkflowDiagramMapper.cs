using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Inbound.Domain.Workflows;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// The one place where a workflow definition becomes a diagram and back. The definition stays the source of truth:
/// a node model carries its domain node, a link from an outcome port to an input port is an edge.
/// </summary>
public static class WorkflowDiagramMapper
{
    /// <summary>Replaces what the diagram shows with a copy of the definition, rendering once.</summary>
    public static void Load(Diagram diagram, WorkflowDefinition definition)
    {
        var copy = definition.Clone();
        diagram.Batch(() =>
        {
            diagram.Links.Clear();
            diagram.Nodes.Clear();
            var models = copy.Nodes.Select(n => new StepNodeModel(n)).ToList();
            diagram.Nodes.Add(models);
            var byId = models.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First());
            foreach (var edge in copy.Edges)
            {
                // An edge the diagram cannot draw (a vanished outcome or step) stays out; validation of the
                // definition it came from already told the admin about it.
                if (byId.GetValueOrDefault(edge.FromNodeId)?.OutcomePort(edge.Outcome) is not { } from) continue;
                if (byId.GetValueOrDefault(edge.ToNodeId)?.Input is not { } to) continue;
                diagram.Links.Add(CreateLink(from, to));
            }
        });
    }

    /// <summary>The definition the diagram shows: nodes at their canvas positions, one edge per attached link.</summary>
    public static WorkflowDefinition ToDefinition(Diagram diagram)
    {
        var definition = new WorkflowDefinition();
        foreach (var node in diagram.Nodes.OfType<StepNodeModel>())
        {
            node.Step.X = node.Position.X;
            node.Step.Y = node.Position.Y;
            definition.Nodes.Add(node.Step);
        }
        foreach (var link in diagram.Links)
            if (Edge(link) is { } edge) definition.Edges.Add(edge);
        return definition.Clone();
    }

    /// <summary>The edge a link stands for, or null while it is not attached to a step's input.</summary>
    public static WorkflowEdge? Edge(BaseLinkModel link) =>
        link.Source.Model is OutcomePortModel from && link.Target.Model is InputPortModel to
            ? new WorkflowEdge(from.Parent.Id, from.OutcomeKey, to.Parent.Id)
            : null;

    public static LinkModel CreateLink(OutcomePortModel from, InputPortModel to) =>
        new($"{from.Id}->{to.Parent.Id}", new SinglePortAnchor(from), new SinglePortAnchor(to));

    /// <summary>
    /// Makes a link the user just dropped a real edge: dropped on a step, it goes to that step's input; and since an
    /// outcome leads to one place, any other link from the same outcome port is returned for removal.
    /// </summary>
    public static IReadOnlyList<BaseLinkModel> Attach(BaseLinkModel link)
    {
        if (link.Target.Model is StepNodeModel { Input: { } input }) link.SetTarget(new SinglePortAnchor(input));
        if (link.Source.Model is not OutcomePortModel from) return [];
        return [.. from.Links.Where(l => l != link)];
    }
}
