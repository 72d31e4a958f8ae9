namespace Inbound.Domain.Workflows;

/// <summary>
/// A workflow as data: nodes (one trigger, then steps) and edges from a named outcome of a node to the next node.
/// It is what the designer edits and what a published version freezes; it serializes with <see cref="WorkflowJson"/>.
/// </summary>
public sealed class WorkflowDefinition
{
    public List<WorkflowNode> Nodes { get; set; } = [];
    public List<WorkflowEdge> Edges { get; set; } = [];

    public WorkflowNode? FindNode(string id) => Nodes.Find(n => n.Id == id);

    /// <summary>The trigger node, when there is exactly one.</summary>
    public TriggerNode? Trigger => Nodes.OfType<TriggerNode>().Count() == 1 ? Nodes.OfType<TriggerNode>().Single() : null;

    /// <summary>Where an outcome of a node leads, or null when that outcome ends the run.</summary>
    public WorkflowNode? Next(string fromNodeId, string outcome) =>
        Edges.Find(e => e.FromNodeId == fromNodeId && e.Outcome == outcome) is { } edge ? FindNode(edge.ToNodeId) : null;

    public WorkflowDefinition Add(WorkflowNode node)
    {
        Nodes.Add(node);
        return this;
    }

    /// <summary>Wires an outcome to a node, replacing what that outcome was wired to: an outcome leads to one place.</summary>
    public WorkflowDefinition Connect(string fromNodeId, string outcome, string toNodeId)
    {
        Edges.RemoveAll(e => e.FromNodeId == fromNodeId && e.Outcome == outcome);
        Edges.Add(new WorkflowEdge(fromNodeId, outcome, toNodeId));
        return this;
    }

    /// <summary>Removes a node and every edge that touches it.</summary>
    public void Remove(string nodeId)
    {
        Nodes.RemoveAll(n => n.Id == nodeId);
        Edges.RemoveAll(e => e.FromNodeId == nodeId || e.ToNodeId == nodeId);
    }

    /// <summary>A deep copy, through JSON, so that a published version never shares objects with the draft.</summary>
    public WorkflowDefinition Clone() => WorkflowJson.Deserialize(WorkflowJson.Serialize(this));

    /// <summary>A definition with a single conversation-opened trigger, for a blank workflow.</summary>
    public static WorkflowDefinition Blank() => new WorkflowDefinition().Add(new ConversationOpenedTrigger { Id = "trigger", X = 80, Y = 200 });
}

/// <summary>An outcome of one node leading to another node.</summary>
public sealed record WorkflowEdge(string FromNodeId, string Outcome, string ToNodeId);
