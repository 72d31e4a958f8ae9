using Inbound.Domain.Conversations;
using Inbound.Web.Workflows;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Inbound.Web.Inbox.Components;

/// <summary>
/// The open conversation: header, actions and entries. It opens at the newest entry and follows new ones while the
/// agent reads at the bottom; an agent who scrolled up to read is not moved, and gets a "new messages" pill instead.
/// </summary>
public partial class ThreadView : IAsyncDisposable
{
    private const string ScrollModule = "./Inbox/Components/ThreadView.razor.js";

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter] public ConversationThread? Thread { get; set; }
    [Parameter] public bool Loading { get; set; }
    [Parameter] public string? Error { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }
    [Parameter] public EventCallback OnReassign { get; set; }

    /// <summary>The agent asked the AI for a summary of the thread; without a handler (AI off) there is no button.</summary>
    [Parameter] public EventCallback OnSummarize { get; set; }

    /// <summary>The agent asked to send a failed reply again (its id).</summary>
    [Parameter] public EventCallback<Guid> OnRetryDelivery { get; set; }

    /// <summary>The published workflows with a manual trigger, offered under "Run workflow".</summary>
    [Parameter] public IReadOnlyList<ManualWorkflow> Workflows { get; set; } = [];
    [Parameter] public EventCallback<ManualWorkflow> OnStartWorkflow { get; set; }
    [Parameter] public DateTime Now { get; set; } = DateTime.UtcNow;

    /// <summary>The viewer's agent id: their own new reply or note is always shown, wherever they had scrolled.</summary>
    [Parameter] public Guid? ViewerId { get; set; }

    private ElementReference _entries;
    private IJSObjectReference? _scroll;
    private DotNetObjectReference<ThreadView>? _self;
    // What the scroll script last saw: the element it watches, the conversation, and its newest entry.
    private string? _followedElement;
    private Guid? _followedThread;
    private Guid? _newestEntry;
    private bool _unseen;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Thread is null || _entries.Id is null) return;
        var newest = Thread.Entries.Count == 0 ? (Guid?)null : Thread.Entries[^1].Id;
        if (_followedElement == _entries.Id && _followedThread == Thread.Id && _newestEntry == newest) return;
        try
        {
            _scroll ??= await JS.InvokeAsync<IJSObjectReference>("import", ScrollModule);
            if (_followedElement != _entries.Id || _followedThread != Thread.Id)
            {
                // Another conversation, or the pane was rebuilt: open at the newest entry.
                _self ??= DotNetObjectReference.Create(this);
                await _scroll.InvokeVoidAsync("start", _entries, _self);
                _unseen = false;
            }
            else if (ViewerId is not null && Thread.Entries[^1].AuthorId == ViewerId)
            {
                await _scroll.InvokeVoidAsync("toBottom", _entries);
                _unseen = false;
            }
            else if (!await _scroll.InvokeAsync<bool>("added", _entries) && !_unseen)
            {
                _unseen = true;
                StateHasChanged();
            }
            (_followedElement, _followedThread, _newestEntry) = (_entries.Id, Thread.Id, newest);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>The agent scrolled down to the newest entry themselves.</summary>
    [JSInvokable]
    public Task ReachedBottom()
    {
        if (!_unseen) return Task.CompletedTask;
        _unseen = false;
        return InvokeAsync(StateHasChanged);
    }

    private async Task ShowNewestAsync()
    {
        _unseen = false;
        if (_scroll is not null) await _scroll.InvokeVoidAsync("toBottom", _entries);
    }

    private static string EntryClass(ThreadEntry e) => e.Direction switch
    {
        MessageDirection.Inbound => "inbox-entry inbound",
        MessageDirection.Outbound when e.AuthorKind != AuthorKind.Agent => "inbox-entry outbound automated",
        MessageDirection.Outbound => "inbox-entry outbound",
        _ => "inbox-entry note",
    };

    private static string EntryTestId(ThreadEntry e) => e.Direction switch
    {
        MessageDirection.Inbound => "inbound",
        MessageDirection.Outbound => "outbound",
        _ => "note",
    };

    private string DeliveryText(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending or DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Read or DeliveryStatus.Failed => L[$"Delivery{status}"],
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_scroll is not null)
            {
                if (_followedElement is not null) await _scroll.InvokeVoidAsync("stop", _entries);
                await _scroll.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
        _self?.Dispose();
    }
}
