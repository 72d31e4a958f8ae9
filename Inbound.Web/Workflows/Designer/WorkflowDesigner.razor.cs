using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Core.Routers;
using Blazor.Diagrams.Options;
using Microsoft.AspNetCore.Components.Authorization;
using Inbound.Domain.Workflows;
using Inbound.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// The workflow designer: the draft drawn on a canvas, a palette to add steps, a settings panel per step, validation
/// from the domain and undo/redo. This file loads the workflow and wires the canvas's events to edits; its other jobs
/// live beside it: what the canvas shows in <see cref="DesignerViewport"/>, adding and deleting steps in
/// WorkflowDesigner.Steps.cs, the selected step in .Selection.cs, undo keys in .Keys.cs, save, publish, import and
/// export in .Drafts.cs, the Runs tab and a run's trace in .Trace.cs.
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
    private bool _dirty, _busy, _loading, _issuesOpen = true;
    private string? _loadError;
    private int _tab;
    private DesignerViewport _viewport = null!;

    [Parameter] public Guid Id { get; set; }

    /// <summary>A run to open on arrival (from a conversation's page): the Runs tab with its trace drawn.</summary>
    [SupplyParameterFromQuery(Name = "run")] public Guid? RunId { get; set; }

    [Inject] private WorkflowService Workflows { get; set; } = null!;
    [Inject] private IStringLocalizer<WorkflowDesigner> L { get; set; } = null!;
    [Inject] private IStringLocalizer<WorkflowTexts> TextsL { get; set; } = null!;
    [Inject] private IStringLocalizer<Phrases> PhrasesL { get; set; } = null!;
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
    /// <summary>A publishing issue in the reader's language, naming steps and outcomes as the canvas does.</summary>
    private string IssueText(WorkflowIssue issue) =>
        new WorkflowTexts(TextsL, PhrasesL).Issue(issue, id => Diagram.Nodes.OfType<StepNodeModel>().FirstOrDefault(n => n.Id == id)?.Step);

    private IReadOnlyList<WorkflowNode> CurrentNodes => [.. Diagram.Nodes.OfType<StepNodeModel>().Select(n => n.Step)];

    private string StatusText => _workflow!.Status switch
    {
        WorkflowStatus.Published => L["LiveVersion", _workflow.Versions.FirstOrDefault()?.Number ?? 0],
        WorkflowStatus.Disabled => L["Disabled"],
        _ => L["DraftNeverPublished"],
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
        ErrorCount > 0 ? L["FixBeforePublishing", ErrorCount]
        : HasSomethingToPublish ? L["MakeLive"]
        : L["IsLive"];

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
        Diagram.PointerDown += OnPointerDown;
        Diagram.PointerUp += OnPointerUp;
        _viewport = new DesignerViewport(Diagram);
    }

    // The workflow on the canvas. Parameters are set again whenever a parent re-renders; reloading then would wipe
    // unsaved edits and a drawn trace, so the canvas loads once per workflow.
    private Guid? _loadedId;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id) return;
        _loadedId = Id;
        _opened = false;
        try
        {
            _workflow = await Workflows.GetAsync(Id);
            if (_workflow is null)
            {
                _loadError = L["DoesNotExist"];
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
            _loadError = L["CouldNotLoad"];
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_workflow is null || _opened || _opening) return;
        // Renders that come while this one awaits must not open the view (or attach the listeners) a second time.
        _opening = true;
        _browser ??= AttachKeysAndWheelAsync();
        try
        {
            await MeasureCanvasAsync();
            _viewport.Open();
            _opened = true;
            if (RunId is { } runId)
            {
                _tab = 1;
                await LoadRunsAsync();
                if (_runs.FirstOrDefault(r => r.Run.Id == runId) is { } row) await ShowRunAsync(row.Run);
            }
        }
        finally { _opening = false; }
        StateHasChanged();
    }

    // Set once the canvas shows the workflow at its opening view (tests wait for it: data-ready).
    private bool _opened, _opening;
    private ElementReference _canvas;
    private Task<IJSObjectReference?>? _browser;
    private DotNetObjectReference<WorkflowDesigner>? _self;

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
        _issues = WorkflowValidator.Validate(definition, _names.Teams.Count == 0 ? null : [.. _names.Teams.Keys]);
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

    public async ValueTask DisposeAsync()
    {
        _viewport.Dispose();
        Diagram.PointerDown -= OnPointerDown;
        Diagram.PointerUp -= OnPointerUp;
        Diagram.Nodes.Added -= OnNodeAdded;
        Diagram.Nodes.Removed -= OnNodeRemoved;
        Diagram.Links.Added -= OnLinkAdded;
        Diagram.Links.Removed -= OnLinkRemoved;
        Diagram.SelectionChanged -= OnSelectionChanged;
        Diagram.ZoomChanged -= OnZoomChanged;
        // The circuit may be gone already (a closed tab): then so are the listeners.
        try
        {
            if (_browser is not null && await _browser is { } listeners)
            {
                await listeners.InvokeVoidAsync("detach");
                await listeners.DisposeAsync();
            }
        }
        catch (JSDisconnectedException) { }
        _self?.Dispose();
    }
}
