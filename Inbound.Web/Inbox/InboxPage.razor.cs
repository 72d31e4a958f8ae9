using Inbound.Web.Inbox.Components;
using Inbound.Web.Inbox.Live;
using Inbound.Web.Workflows;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Inbound.Web.Inbox;

public partial class InboxPage : IDisposable
{
    [Inject] private InboxViewers Viewers { get; set; } = default!;
    [Inject] private InboxQueries Queries { get; set; } = default!;
    [Inject] private InboxCommands Commands { get; set; } = default!;
    [Inject] private Channels.Outbox.DeliveryCommands Deliveries { get; set; } = default!;
    [Inject] private Channels.Media.ComposerUploads Attachments { get; set; } = default!;
    [Inject] private WorkflowService Workflows { get; set; } = default!;
    [Inject] private InboxNotifier Notifier { get; set; } = default!;
    [Inject] private IOptionsMonitor<InboxOptions> Options { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<InboxPage> Logger { get; set; } = default!;
    [Inject] private IStringLocalizer<InboxPage> L { get; set; } = default!;
    [Inject] private IStringLocalizer<Localization.Phrases> Phrases { get; set; } = default!;
    [Inject] private Admin.Replies.ReplyLibrary Replies { get; set; } = default!;
    [Inject] private Channels.WhatsApp.ServiceWindow ServiceWindow { get; set; } = default!;
    [Inject] private Assist.AgentAssistant Assistant { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public Guid? ConversationId { get; set; }

    /// <summary>"contact" shows the contact panel as its own screen where the window is too narrow for three panes.</summary>
    [SupplyParameterFromQuery(Name = "panel")] public string? Panel { get; set; }

    private InboxViewer? _viewer;
    private bool _notLinked;
    private LiveConversationList? _list;
    private ConversationThread? _thread;
    private bool _threadLoading;
    private string? _threadError;
    private int _newAssignments;
    private IReadOnlyList<ManualWorkflow> _manualWorkflows = [];
    private DateTime _now;
    private IDisposable? _subscription;
    private Channels.WhatsApp.ReplyWindow _replyWindow = Channels.WhatsApp.ReplyWindow.Open;
    private Timer? _clockTimer;
    private InboxShortcuts? _shortcuts;
    private InboxAnnouncer? _announcer;
    private Composer? _composer;

    // A phone shows one of three screens: the list, the thread, or the contact.
    private string PageClass => "inbox-page" + (ConversationId is null ? "" : " has-thread") + (ConversationId is not null && Panel == "contact" ? " show-contact" : "");

    // Assignments already known (announced, or mine when the page opened): a repeated or late event is not news.
    private readonly Dictionary<Guid, long> _knownAssignments = [];

    private string Title => _newAssignments > 0
        ? L[_newAssignments == 1 ? "TitleNewOne" : "TitleNewMany", _newAssignments]
        : L["TitleInbox"];

    private IReadOnlyList<Admin.Replies.CannedResponseView> _canned = [];

    /// <summary>The viewer's canned responses with the open conversation's variables filled in.</summary>
    private IReadOnlyList<CannedResponse> CannedForThread =>
        [.. _canned.Select(c => new CannedResponse { Shortcut = c.Shortcut, Text = _thread is null ? c.Text : Admin.Replies.ReplyLibrary.Render(c.Text, _thread.Contact, _viewer?.Name ?? "") })];

    protected override async Task OnInitializedAsync()
    {
        _now = Clock.GetUtcNow().UtcDateTime;
        _viewer = await Viewers.ResolveAsync((await AuthenticationState).User);
        if (_viewer is null)
        {
            _notLinked = true;
            return;
        }
        _canned = await Replies.CannedResponsesForAsync(_viewer);
        // The thread and new-assignment announcements; the list keeps itself live.
        _subscription = Notifier.Subscribe(InboxGroups.For(_viewer), OnInboxEventsAsync);
        // Waiting times move on without events.
        _clockTimer = new Timer(_ => InvokeAsync(() => { _now = Clock.GetUtcNow().UtcDateTime; StateHasChanged(); }), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        _manualWorkflows = await Workflows.ManualWorkflowsAsync();
        foreach (var item in await Queries.ListAsync(_viewer, InboxFilter.Mine, null))
            _knownAssignments[item.Id] = item.Sequence;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_viewer is null) return;
        if (ConversationId is null)
        {
            _thread = null;
            _threadError = null;
            return;
        }
        if (_thread?.Id != ConversationId)
        {
            _thread = null;
            _threadLoading = true;
        }
        await ReloadThreadAsync(markRead: true);
    }

    private async Task OnInboxEventsAsync(LiveBatch batch) => await InvokeAsync(async () =>
    {
        var open = ConversationId;
        var news = batch.Events.Where(e => e.ConversationId == open && open is not null
            && (_thread is null || _thread.Sequence <= e.Sequence || e.Kind == InboxEventKinds.MessageUpdated)).ToList();
        // New messages are appended; a delivery update changes an entry already shown, so that one reads the thread anew.
        if (batch.Overflowed || news.Count > 0)
            await ReloadThreadAsync(markRead: true, appendOnly: !batch.Overflowed && news.All(e => e.Kind != InboxEventKinds.MessageUpdated));
        foreach (var e in batch.Events)
        {
            if (e.Kind == InboxEventKinds.AssignmentReclaimed && e.AgentId == _viewer?.AgentId)
                Snackbar.Add(L["Reclaimed"], Severity.Warning);
            if (e is not { Kind: InboxEventKinds.ConversationAssigned, ConversationId: { } id } || e.AgentId != _viewer?.AgentId) continue;
            if (_knownAssignments.TryGetValue(id, out var seen) && seen >= e.Sequence) continue;
            _knownAssignments[id] = e.Sequence;
            if (id != ConversationId) await AnnounceAsync(id);
        }
        StateHasChanged();
    });

    private async Task AnnounceAsync(Guid id)
    {
        _newAssignments++;
        var row = _viewer is null ? null : (await Queries.RowsAsync(_viewer, InboxFilter.Mine, null, [id])).FirstOrDefault();
        _announcer?.AnnounceAssignment(row?.ContactName);
        Snackbar.Add(L["NewAssignment", row?.ContactName ?? L["AContact"]], Severity.Info, o =>
        {
            o.Icon = Icons.Material.Filled.MarkChatUnread;
            o.OnClick = _ => { Select(id); return Task.CompletedTask; };
        });
    }

    private async Task ReloadThreadAsync(bool markRead, bool appendOnly = false)
    {
        if (_viewer is null || ConversationId is not { } id) return;
        try
        {
            _thread = await Queries.GetThreadAsync(_viewer, id, shown: appendOnly ? _thread : null);
            _threadError = _thread is null ? L["NotYours"].Value : null;
            // A contact's message reopens WhatsApp's window; time closes it.
            _replyWindow = _thread is null ? Channels.WhatsApp.ReplyWindow.Open : await ServiceWindow.ForAsync(id);
            if (_thread is not null && markRead)
            {
                await Commands.MarkReadAsync(_viewer, id);
                if (_list is not null) await _list.RefreshUnreadAsync(id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Loading conversation {Id} failed", id);
            _threadError = L["LoadFailed"];
        }
        finally
        {
            _threadLoading = false;
        }
    }

    private void Select(Guid id)
    {
        _newAssignments = 0;
        Navigation.NavigateTo($"inbox/{id}");
    }

    private async Task<bool> SendAsync(ComposerMessage message)
    {
        if (_viewer is null || ConversationId is not { } id) return false;
        var files = await Attachments.StoreAsync(message.Files, id);
        if (files.Error is not null)
        {
            Snackbar.Add(files.Error, Severity.Error);
            return false;
        }
        var result = message.IsNote
            ? await Commands.AddNoteAsync(_viewer, id, message.Text)
            : await Commands.ReplyAsync(_viewer, id, message.Text, attachmentIds: files.Ids);
        return await AfterReplyAsync(result);
    }

    private async Task<bool> SendTemplateAsync(Channels.WhatsApp.TemplateChoice choice) =>
        _viewer is not null && ConversationId is { } id
        && await AfterReplyAsync(await Commands.ReplyWithTemplateAsync(_viewer, id, choice.Template.Name, choice.Template.Language, choice.Values));

    private async Task<bool> AfterReplyAsync(CommandResult result)
    {
        if (!result.Succeeded)
        {
            Snackbar.Add(Phrases.Why(result, L["SendFailed"]), Severity.Error);
            // The window may have closed while the agent typed: the composer then offers templates.
            if (ConversationId is { } id) _replyWindow = await ServiceWindow.ForAsync(id);
            return false;
        }
        await ReloadThreadAsync(markRead: true, appendOnly: true);
        return true;
    }

    private async Task RetryDeliveryAsync(Guid messageId)
    {
        // Only a reply of the thread this viewer was allowed to open.
        if (_thread?.Entries.Any(e => e.Id == messageId) != true) return;
        if (!await Deliveries.RetryAsync(messageId, CancellationToken.None)) Snackbar.Add(L["AlreadyOnItsWay"], Severity.Info);
        await ReloadThreadAsync(markRead: false);
    }

    private async Task CloseAsync()
    {
        if (_viewer is null || _thread is null) return;
        var dialog = await Dialogs.ShowAsync<CloseConversationDialog>(L["CloseTitle"],
            new DialogParameters<CloseConversationDialog>
            {
                { d => d.Categories, (await Replies.ClosingCategoriesAsync()).Select(c => c.Name).ToList() },
                { d => d.DraftSummary, SummaryRequest(_thread) },
            },
            // Focus starts at the first category, so the keyboard picks one straight away.
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, DefaultFocus = DefaultFocus.FirstChild });
        if (await dialog.Result is not { Canceled: false, Data: ClosingNoteInput note }) return;
        var result = await Commands.CloseAsync(_viewer, _thread.Id, note.Category, note.Summary, aiWritten: note.AiWritten);
        if (result.Succeeded) Snackbar.Add(L["ClosedAs", note.Category], Severity.Success);
        else Snackbar.Add(Phrases.Why(result, L["CloseFailed"]), Severity.Error);
        await ReloadThreadAsync(markRead: false);
    }

    // The AI help, offered only while AI is on. Each request reads the thread as it is when the agent asks.
    private Assist.AiDraftRequest? SuggestReplyRequest => Assistant.IsOn && _thread is { } thread && _viewer is { } viewer
        ? ct => Assistant.SuggestReplyAsync(thread, viewer.Name, ct)
        : null;

    private Assist.AiDraftRequest? SummaryRequest(ConversationThread thread) => Assistant.IsOn ? ct => Assistant.SummarizeAsync(thread, ct) : null;

    private EventCallback SummarizeCallback => Assistant.IsOn ? EventCallback.Factory.Create(this, SummarizeAsync) : default;

    private async Task SummarizeAsync()
    {
        if (_thread is null || SummaryRequest(_thread) is not { } summarize) return;
        await Dialogs.ShowAsync<Assist.ThreadSummaryDialog>(L["SummaryTitle"],
            new DialogParameters<Assist.ThreadSummaryDialog> { { d => d.Summarize, summarize } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
    }

    private async Task CloseFromKeyboardAsync()
    {
        if (_thread is not { Status: Inbound.Domain.Conversations.ConversationStatus.Open }) return;
        await CloseAsync();
        // The dialog took focus; with the conversation done, the list is where the agent goes next.
        if (_thread is { Status: Inbound.Domain.Conversations.ConversationStatus.Closed } && _shortcuts is not null) await _shortcuts.FocusListAsync();
    }

    private async Task ReassignAsync()
    {
        if (_viewer is null || _thread is null) return;
        var targets = await Queries.GetReassignTargetsAsync(_viewer, _thread.TeamId);
        var dialog = await Dialogs.ShowAsync<ReassignDialog>(L["ReassignTitle"],
            new DialogParameters<ReassignDialog> { { d => d.Targets, targets }, { d => d.CanOverrideCapacity, _viewer.IsSupervisor || _viewer.IsAdmin } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: ReassignRequest request }) return;
        var result = await Commands.ReassignAsync(_viewer, _thread.Id, request.AgentId, request.TeamId, overCapacity: request.OverCapacity);
        if (!result.Succeeded)
        {
            Snackbar.Add(Phrases.Why(result, L["ReassignFailed"]), Severity.Error);
            return;
        }
        Snackbar.Add(L["Reassigned"], Severity.Success);
        await ReloadThreadAsync(markRead: false);
    }

    private async Task StartWorkflowAsync(ManualWorkflow workflow)
    {
        if (_viewer is null || _thread is null) return;
        var result = await Commands.StartWorkflowAsync(_viewer, _thread.Id, workflow.Id);
        if (result.Succeeded) Snackbar.Add(L["WorkflowStarted", workflow.Name], Severity.Success);
        else Snackbar.Add(Phrases.Why(result, L["WorkflowFailed"]), Severity.Error);
        await ReloadThreadAsync(markRead: false);
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _clockTimer?.Dispose();
    }
}
