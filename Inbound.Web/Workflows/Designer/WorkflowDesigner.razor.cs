using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;
using Inbound.Domain.SeedWork;
using Inbound.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// The workflow designer: the draft drawn on a canvas, a palette to add steps, a settings panel per step, validation
/// from the domain, undo/redo, save, publish, import/export, and the trace of a run drawn over the canvas.
/// </summary>
public sealed partial class WorkflowDesigner
{
    private const string TakenLinkColor = "#16a34a";
    private const string LinkColor = "#94a3b8";

    private readonly DesignerHistory _history = new();
    private WorkflowDetails? _workflow;
    private WorkflowNames _names = WorkflowNames.None;
    private DesignerChoices _choices = DesignerChoices.Empty;
    private IReadOnlyList<WorkflowIssue> _issues = [];
    private StepNodeModel? _selected;
    private NodeKind? _dragKind;
    private bool _dirty, _busy, _loading, _issuesOpen = true, _runsLoading;
    private string? _loadError;
    private int _tab;
    private IReadOnlyList<RunSummary> _runs = [];
    private RunDetails? _trace;

    [Parameter] public Guid Id { get; set; }

    /// <summary>A run to open on arrival (from a conversation's page): the Runs tab with its trace drawn.</summary>
    [SupplyParameterFromQuery(Name = "run")] public Guid? RunId { get; set; }

    [Inject] private WorkflowService Workflows { get; set; } = null!;
    [Inject] private DesignerChoicesQuery ChoicesQuery { get; set; } = null!;
    [Inject] private WorkflowActivity Activity { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState>? Auth { get; set; }
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;

    public BlazorDiagram Diagram { get; } = new(new BlazorDiagramOptions
    {
        GridSize = 24,
        AllowMultiSelection = false,
        Zoom = { Minimum = 0.2, Maximum = 2 },
        Links =
        {
            DefaultRouter = new NormalRouter(),
            DefaultPathGenerator = new SmoothPathGenerator(),
            RequireTarget = true,
            EnableSnapping = true,
            SnappingRadius = 40,
        },
    });

    private int ErrorCount => _issues.Count(i => i.IsError);
    private IReadOnlyList<WorkflowNode> CurrentNodes => [.. Diagram.Nodes.OfType<StepNodeModel>().Select(n => n.Step)];

    private string StatusText => _workflow!.Status switch
    {
        WorkflowStatus.Published => $"Live · version {_workflow.Versions.FirstOrDefault()?.Number}",
        WorkflowStatus.Disabled => "Disabled",
        _ => "Draft · never published",
    };

    private Color StatusColor => _workflow!.Status switch
    {
        WorkflowStatus.Published => Color.Success,
        WorkflowStatus.Disabled => Color.Default,
        _ => Color.Secondary,
    };

    /// <summary>Whether publishing would put something new live: a published draft without changes is live already.</summary>
    private bool HasSomethingToPublish => _dirty || _workflow!.Status != WorkflowStatus.Published || _workflow.HasUnpublishedChanges;

    private string PublishHint =>
        ErrorCount > 0 ? $"Fix {ErrorCount} problem(s) before publishing"
        : HasSomethingToPublish ? "Make this draft the live version"
        : "This draft is the live version";

    private string ExportFileName => $"{string.Concat(_workflow!.Name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'))}.json";

    private string ExportHref => "data:application/json;charset=utf-8," + Uri.EscapeDataString(
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(WorkflowJson.Serialize(CurrentDefinition())),
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    private IReadOnlyDictionary<string, HashSet<string>>? TakenOutcomes => _trace?.Log
        .Where(e => e.Outcome is not null).GroupBy(e => e.NodeId)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Outcome!).ToHashSet());

    protected override void OnInitialized()
    {
        Diagram.RegisterComponent<StepNodeModel, StepNodeWidget>();
        // A link can only be drawn from an outcome: dragging from an input port draws nothing.
        var defaultFactory = Diagram.Options.Links.Factory;
        Diagram.Options.Links.Factory = (diagram, source, target) =>
            source is OutcomePortModel && _tab == 0 ? defaultFactory(diagram, source, target) : null;
        Diagram.Options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(_tab == 0);
        Diagram.Options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(_tab == 0);
        Diagram.Nodes.Added += OnNodeAdded;
        Diagram.Nodes.Removed += OnNodeRemoved;
        Diagram.Links.Added += OnLinkAdded;
        Diagram.Links.Removed += OnLinkRemoved;
        Diagram.SelectionChanged += OnSelectionChanged;
        Diagram.ZoomChanged += OnZoomChanged;
        var keys = Diagram.GetBehavior<KeyboardShortcutsBehavior>()!;
        keys.SetShortcut("z", ctrl: true, shift: false, alt: false, _ => new ValueTask(InvokeAsync(UndoAsync)));
        keys.SetShortcut("y", ctrl: true, shift: false, alt: false, _ => new ValueTask(InvokeAsync(RedoAsync)));
    }

    // The workflow on the canvas. Parameters are set again whenever a parent re-renders; reloading then would wipe
    // unsaved edits and a drawn trace, so the canvas loads once per workflow.
    private Guid? _loadedId;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id) return;
        _loadedId = Id;
        _fitted = false;
        try
        {
            _workflow = await Workflows.GetAsync(Id);
            if (_workflow is null)
            {
                _loadError = "This workflow does not exist (any more).";
                return;
            }
            _names = _workflow.Names;
            _choices = await ChoicesQuery.LoadAsync();
            Show(_workflow.Draft);
            _history.Reset(_workflow.Draft);
            _dirty = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _loadError = "The workflow could not be loaded. Try again in a moment.";
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_workflow is null || _fitted) return;
        await MeasureCanvasAsync();
        _fitted = true;
        ZoomToFit();
        if (RunId is { } runId)
        {
            _tab = 1;
            await LoadRunsAsync();
            if (_runs.FirstOrDefault(r => r.Id == runId) is { } run) await ShowRunAsync(run);
        }
        StateHasChanged();
    }

    private bool _fitted;
    private ElementReference _canvas;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>
    /// A drop needs the canvas's current place on the page (the page may have scrolled or resized since the canvas
    /// last measured itself): measure it with the diagram's own script.
    /// </summary>
    private async Task MeasureCanvasAsync()
    {
        try { Diagram.SetContainer(await JS.InvokeAsync<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _canvas)); }
        catch (JSException) { }
    }

    private WorkflowDefinition CurrentDefinition() => WorkflowDiagramMapper.ToDefinition(Diagram);

    private void Show(WorkflowDefinition definition)
    {
        _loading = true;
        try
        {
            _selected = null;
            WorkflowDiagramMapper.Load(Diagram, definition);
            foreach (var link in Diagram.Links) Style(link);
        }
        finally { _loading = false; }
        Revalidate(CurrentDefinition());
    }

    private void Revalidate(WorkflowDefinition definition)
    {
        _issues = WorkflowValidator.Validate(definition);
        foreach (var node in Diagram.Nodes.OfType<StepNodeModel>())
        {
            var mine = _issues.Where(i => i.NodeId == node.Id).ToList();
            if (mine.Count == node.Issues.Count && mine.SequenceEqual(node.Issues)) continue;
            node.Issues = mine;
            node.Refresh();
        }
    }

    /// <summary>Every edit ends here: record it for undo, mark the draft unsaved, validate again.</summary>
    private void Edited()
    {
        if (_loading) return;
        var definition = CurrentDefinition();
        if (_history.Record(definition)) _dirty = true;
        Revalidate(definition);
        InvokeAsync(StateHasChanged);
    }

    private void OnNodeAdded(NodeModel node)
    {
        node.Moved += OnNodeMoved;
        Edited();
    }

    private void OnNodeMoved(MovableModel _) => Edited();

    private void OnNodeRemoved(NodeModel node)
    {
        node.Moved -= OnNodeMoved;
        if (_selected == node) _selected = null;
        Edited();
    }

    private void OnLinkAdded(BaseLinkModel link)
    {
        Style(link);
        link.TargetAttached += OnLinkAttached;
    }

    private void OnLinkAttached(BaseLinkModel link)
    {
        Diagram.Links.Remove(WorkflowDiagramMapper.Attach(link));
        link.Refresh();
        Edited();
    }

    private void OnLinkRemoved(BaseLinkModel link)
    {
        link.TargetAttached -= OnLinkAttached;
        Edited();
    }

    private static void Style(BaseLinkModel link)
    {
        link.TargetMarker = LinkMarker.Arrow;
        if (link is LinkModel model)
        {
            model.Color = LinkColor;
            model.SelectedColor = "#6366f1";
            model.Width = 2;
        }
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        var selected = Diagram.GetSelectedModels().OfType<StepNodeModel>().FirstOrDefault();
        if (selected == _selected) return;
        _selected = selected;
        InvokeAsync(StateHasChanged);
    }

    private void OnZoomChanged() => InvokeAsync(StateHasChanged);

    private void OnSettingsChanged(Action? change)
    {
        if (_selected is null) return;
        change?.Invoke();
        // Settings may add or remove outcomes (an option, a rule, a timeout): ports follow, links of vanished ones go.
        Diagram.Links.Remove(_selected.SyncOutcomePorts());
        _selected.RefreshAll();
        Edited();
    }

    private async Task DropAsync(DragEventArgs e)
    {
        if (_dragKind is not { } kind || _tab != 0) return;
        _dragKind = null;
        await MeasureCanvasAsync();
        if (Diagram.Container is null) return;
        var point = Diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
        Add(kind, point.X - 20, point.Y - 20);
    }

    /// <summary>The palette from the keyboard: Enter on a step adds it in the middle of what the canvas shows.</summary>
    private async Task AddInViewAsync(NodeKind kind)
    {
        await MeasureCanvasAsync();
        if (Diagram.Container is not { } container) return;
        var middle = Diagram.GetRelativeMousePoint(container.Left + container.Width / 2, container.Top + container.Height / 2);
        Add(kind, middle.X - 120, middle.Y - 60);
    }

    private void Add(NodeKind kind, double x, double y)
    {
        var step = StepCatalog.Create(kind, CurrentNodes, x, y);
        var node = Diagram.Nodes.Add(new StepNodeModel(step));
        Diagram.SelectModel(node, unselectOthers: true);
    }

    private async Task DeleteSelectedAsync()
    {
        if (_selected is null) return;
        var node = _selected;
        Diagram.Batch(() =>
        {
            Diagram.Links.Remove(node.PortLinks.ToList());
            Diagram.Nodes.Remove(node);
        });
        _selected = null;
        await Task.CompletedTask;
    }

    private void CloseSettings()
    {
        Diagram.UnselectAll();
        _selected = null;
    }

    private void Focus(string? nodeId)
    {
        if (nodeId is null || Diagram.Nodes.FirstOrDefault(n => n.Id == nodeId) is not StepNodeModel node) return;
        Diagram.SelectModel(node, unselectOthers: true);
        _selected = node;
    }

    private Task UndoAsync() => Restore(_history.Undo());
    private Task RedoAsync() => Restore(_history.Redo());

    private Task Restore(WorkflowDefinition? definition)
    {
        if (definition is null) return Task.CompletedTask;
        Show(definition);
        _dirty = true;
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void ZoomBy(double factor)
    {
        var zoom = Math.Clamp(Diagram.Zoom * factor, Diagram.Options.Zoom.Minimum, Diagram.Options.Zoom.Maximum);
        Diagram.SetZoom(zoom);
    }

    /// <summary>
    /// Fits every step in view, never zooming in past 100%. The library's own fit needs every node measured, which a
    /// freshly loaded canvas has not done yet; a node not measured yet counts with the card's usual size.
    /// </summary>
    private void ZoomToFit()
    {
        if (Diagram.Nodes.Count == 0 || Diagram.Container is not { Width: > 0, Height: > 0 } container) return;
        const double margin = 60, cardWidth = 240, cardHeight = 220;
        var left = Diagram.Nodes.Min(n => n.Position.X);
        var top = Diagram.Nodes.Min(n => n.Position.Y);
        var right = Diagram.Nodes.Max(n => n.Position.X + (n.Size?.Width ?? cardWidth));
        var bottom = Diagram.Nodes.Max(n => n.Position.Y + (n.Size?.Height ?? cardHeight));
        var zoom = Math.Min((container.Width - 2 * margin) / (right - left), (container.Height - 2 * margin) / (bottom - top));
        zoom = Math.Clamp(zoom, Diagram.Options.Zoom.Minimum, 1);
        Diagram.SetZoom(zoom);
        Diagram.SetPan((container.Width - (right - left) * zoom) / 2 - left * zoom, (container.Height - (bottom - top) * zoom) / 2 - top * zoom);
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            _workflow = await Workflows.SaveDraftAsync(Id, CurrentDefinition()) ?? _workflow;
            await RecordEditorAsync();
            _dirty = false;
            Snackbar.Add("Draft saved", Severity.Success);
        }
        catch (DomainException e) { Snackbar.Add(e.Message, Severity.Error); }
        finally { _busy = false; }
    }

    private async Task PublishAsync()
    {
        if (ErrorCount > 0)
        {
            _issuesOpen = true;
            Snackbar.Add($"Fix {ErrorCount} problem(s) before publishing.", Severity.Warning);
            return;
        }
        _busy = true;
        try
        {
            if (_dirty) await Workflows.SaveDraftAsync(Id, CurrentDefinition());
            _dirty = false;
            var result = await Workflows.PublishAsync(Id);
            if (result is null) return;
            if (!result.Published)
            {
                _issues = result.Issues;
                _issuesOpen = true;
                Snackbar.Add("Publishing was refused: fix the problems listed first.", Severity.Error);
                return;
            }
            await RecordEditorAsync();
            _workflow = await Workflows.GetAsync(Id) ?? _workflow;
            Snackbar.Add($"Version {result.VersionNumber} is live", Severity.Success);
        }
        catch (DomainException e) { Snackbar.Add(e.Message, Severity.Error); }
        finally { _busy = false; }
    }

    private async Task RecordEditorAsync()
    {
        if (Auth is not null) await Activity.RecordEditorAsync(Id, (await Auth).User.GetDisplayName());
    }

    private async Task ConfirmLeaving(LocationChangingContext context)
    {
        if (!_dirty) return;
        var leave = await Dialogs.ShowMessageBoxAsync("Leave without saving?",
            "This workflow has changes that are not saved. Leave and lose them?", yesText: "Leave", cancelText: "Stay");
        if (leave != true) context.PreventNavigation();
    }

    private async Task ImportAsync()
    {
        var dialog = await Dialogs.ShowAsync<ImportWorkflowDialog>("Import a workflow",
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        if (await dialog.Result is not { Canceled: false, Data: WorkflowDefinition definition }) return;
        var issues = WorkflowValidator.Validate(definition);
        var message = issues.Count == 0
            ? "The imported workflow is valid. Replace the current draft with it?"
            : $"The imported workflow has {issues.Count} problem(s) to fix, starting with: {issues[0].Message} Replace the current draft with it anyway?";
        var replace = await Dialogs.ShowMessageBoxAsync("Replace the draft?", message, yesText: "Replace draft", cancelText: "Cancel");
        if (replace != true) return;
        Show(definition);
        if (_history.Record(CurrentDefinition())) _dirty = true;
        _fitted = false;
        Snackbar.Add("Imported: save the draft to keep it.", Severity.Info);
        StateHasChanged();
    }

    private async Task LoadRunsAsync()
    {
        _runsLoading = true;
        StateHasChanged();
        try { _runs = await Workflows.RunsAsync(Id, take: 50); }
        finally { _runsLoading = false; }
    }

    private async Task ShowRunAsync(RunSummary run)
    {
        _trace = await Workflows.RunAsync(run.Id);
        if (_trace is null) return;
        var visited = _trace.Log.Select(e => e.NodeId).ToHashSet();
        var taken = _trace.Log.Where(e => e.Outcome is not null).Select(e => (e.NodeId, e.Outcome!)).ToHashSet();
        foreach (var node in Diagram.Nodes.OfType<StepNodeModel>())
        {
            node.Trace = visited.Contains(node.Id) ? TraceMark.Visited : TraceMark.NotVisited;
            node.Refresh();
        }
        foreach (var link in Diagram.Links.OfType<LinkModel>())
        {
            var edge = WorkflowDiagramMapper.Edge(link);
            var wasTaken = edge is not null && taken.Contains((edge.FromNodeId, edge.Outcome));
            link.Color = wasTaken ? TakenLinkColor : "#e2e8f0";
            link.Width = wasTaken ? 3 : 2;
            link.Refresh();
        }
        if (_trace.Log.LastOrDefault() is { } last) Focus(last.NodeId);
    }

    private void ClearTrace()
    {
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

    public void Dispose()
    {
        Diagram.Nodes.Added -= OnNodeAdded;
        Diagram.Nodes.Removed -= OnNodeRemoved;
        Diagram.Links.Added -= OnLinkAdded;
        Diagram.Links.Removed -= OnLinkRemoved;
        Diagram.SelectionChanged -= OnSelectionChanged;
        Diagram.ZoomChanged -= OnZoomChanged;
    }
}
