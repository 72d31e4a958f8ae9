using Blazor.Diagrams.Core.Models;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Web.Workflows.Designer;

/// <summary>The Runs tab: the list of runs with its search, and the chosen run's path drawn over the canvas.</summary>
public sealed partial class WorkflowDesigner
{
    private IReadOnlyDictionary<string, HashSet<string>>? TakenOutcomes => _trace?.Log
        .Where(e => e.Outcome is not null).GroupBy(e => e.NodeId)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Outcome!).ToHashSet());

    private const string UntakenLinkColor = "#e2e8f0";

    private IReadOnlyList<RunRow> _runs = [];
    private string? _runsSearch;
    private bool _runsLoading;
    private RunDetails? _trace;

    // While a run of another version than the draft is traced, the canvas shows that version; the draft (with any
    // unsaved edits) waits here and comes back when the trace is cleared.
    private WorkflowDefinition? _draftWhileTracing;
    private int? _tracedVersion;

    private async Task LoadRunsAsync()
    {
        _runsLoading = true;
        StateHasChanged();
        try { _runs = await Workflows.RunsAsync(Id, _runsSearch, take: 50); }
        finally { _runsLoading = false; }
    }

    private Task SearchRunsAsync(string? search)
    {
        _runsSearch = search;
        return LoadRunsAsync();
    }

    private async Task ShowRunAsync(RunSummary run)
    {
        _trace = await Workflows.RunAsync(run.Id);
        if (_trace is null) return;
        ShowVersionOf(_trace);
        DrawTrace(_trace);
        // The step an admin opens a run for is mostly its assignment: why it went where it went. Open that one (else
        // where the run stopped), beside the settings panel that shows it.
        if ((_trace.Log.LastOrDefault(e => e.Decision is not null) ?? _trace.Log.LastOrDefault()) is { } shown) Focus(shown.NodeId);
    }

    /// <summary>Lights up the steps the run went through and the links it took, and dims the rest.</summary>
    private void DrawTrace(RunDetails trace)
    {
        _trace = trace;
        var visited = trace.Log.Select(e => e.NodeId).ToHashSet();
        var taken = trace.Log.Where(e => e.Outcome is not null).Select(e => (e.NodeId, e.Outcome!)).ToHashSet();
        foreach (var node in Diagram.Nodes.OfType<StepNodeModel>())
        {
            node.Trace = visited.Contains(node.Id) ? TraceMark.Visited : TraceMark.NotVisited;
            node.Refresh();
        }
        foreach (var link in Diagram.Links.OfType<LinkModel>())
        {
            var edge = WorkflowDiagramMapper.Edge(link);
            var wasTaken = edge is not null && taken.Contains((edge.FromNodeId, edge.Outcome));
            link.Color = wasTaken ? TakenLinkColor : UntakenLinkColor;
            link.Width = wasTaken ? 3 : 2;
            link.Refresh();
        }
    }

    /// <summary>Draws the version the run ran when the draft differs from it, so its path lies over the steps it took.</summary>
    private void ShowVersionOf(RunDetails trace)
    {
        var draft = _draftWhileTracing ?? CurrentDefinition();
        var differs = trace.Ran is { } ran && WorkflowJson.Serialize(ran) != WorkflowJson.Serialize(draft);
        if (differs)
        {
            _draftWhileTracing = draft;
            _tracedVersion = trace.Run.VersionNumber;
            Show(trace.Ran!);
        }
        else RestoreDraft();
    }

    private void RestoreDraft()
    {
        _tracedVersion = null;
        if (_draftWhileTracing is not { } draft) return;
        _draftWhileTracing = null;
        Show(draft);
    }

    private void ClearTrace()
    {
        RestoreDraft();
        if (_trace is null) return;
        _trace = null;
        foreach (var node in Diagram.Nodes.OfType<StepNodeModel>())
        {
            node.Trace = TraceMark.None;
            node.Refresh();
        }
        foreach (var link in Diagram.Links)
        {
            Style(link);
            link.Refresh();
        }
    }

    private IReadOnlyList<RunLogEntry> TraceEntries(string nodeId) => _trace?.Log.Where(e => e.NodeId == nodeId).ToList() ?? [];
}
