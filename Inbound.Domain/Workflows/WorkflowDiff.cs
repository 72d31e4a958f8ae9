using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inbound.Domain.Workflows;

/// <summary>What changed from one definition to another: steps added, removed and changed (by setting), and links.</summary>
public sealed record WorkflowDiff(
    IReadOnlyList<StepChange> Added,
    IReadOnlyList<StepChange> Removed,
    IReadOnlyList<StepChange> Changed,
    IReadOnlyList<WorkflowEdge> LinksAdded,
    IReadOnlyList<WorkflowEdge> LinksRemoved)
{
    public bool IsEmpty => Added.Count + Removed.Count + Changed.Count + LinksAdded.Count + LinksRemoved.Count == 0;

    /// <summary>Moving a step on the canvas is not a change of what the workflow does, so positions are left out.</summary>
    public static WorkflowDiff Compare(WorkflowDefinition from, WorkflowDefinition to)
    {
        var before = from.Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        var after = to.Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        var added = after.Values.Where(n => !before.ContainsKey(n.Id)).Select(n => new StepChange(n.Id, n.Title, n.KindName, [])).ToList();
        var removed = before.Values.Where(n => !after.ContainsKey(n.Id)).Select(n => new StepChange(n.Id, n.Title, n.KindName, [])).ToList();
        var changed = new List<StepChange>();
        foreach (var (id, now) in after)
        {
            if (!before.TryGetValue(id, out var was)) continue;
            var settings = ChangedSettings(Settings(was), Settings(now));
            if (settings.Count > 0) changed.Add(new StepChange(id, now.Title, now.KindName, settings));
        }
        var edgesBefore = from.Edges.ToHashSet();
        var edgesAfter = to.Edges.ToHashSet();
        return new WorkflowDiff(added, removed, changed,
            [.. edgesAfter.Where(e => !edgesBefore.Contains(e))], [.. edgesBefore.Where(e => !edgesAfter.Contains(e))]);
    }

    private static JsonObject Settings(WorkflowNode node)
    {
        var json = JsonSerializer.SerializeToNode(node, WorkflowJson.Options)!.AsObject();
        json.Remove("x");
        json.Remove("y");
        return json;
    }

    private static List<string> ChangedSettings(JsonObject was, JsonObject now) =>
        [.. was.Select(p => p.Key).Union(now.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(was[key], now[key]))
            .Order(StringComparer.Ordinal)];
}

/// <param name="Settings">For a changed step: the names of the settings that differ ("question", "timeoutMinutes").</param>
public sealed record StepChange(string NodeId, string Title, string Kind, IReadOnlyList<string> Settings);
