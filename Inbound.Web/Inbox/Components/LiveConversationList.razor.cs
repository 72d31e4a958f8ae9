using Inbound.Web.Inbox.Live;
using Microsoft.AspNetCore.Components;

namespace Inbound.Web.Inbox.Components;

/// <summary>
/// The conversation list kept live: it reads a page once, then applies each batch of events to the rows it shows,
/// re-reading only the conversations the events named (one query per batch) and keeping the queue size from the
/// events, with a grouped count at most once a second. However much traffic the node carries, the page's work follows
/// the events it receives, and it renders once per batch.
/// </summary>
public partial class LiveConversationList : IDisposable
{
    private static readonly TimeSpan RecountAtMostEvery = TimeSpan.FromSeconds(1);

    [Inject] private IConversationRows Reads { get; set; } = default!;
    [Inject] private InboxNotifier Notifier { get; set; } = default!;
    [Inject] private ILogger<LiveConversationList> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public InboxViewer Viewer { get; set; } = default!;
    [Parameter] public Guid? SelectedId { get; set; }
    [Parameter] public EventCallback<Guid> OnSelect { get; set; }
    [Parameter] public DateTime Now { get; set; }
    [Parameter] public RenderFragment? Notice { get; set; }

    private InboxFilter _filter = InboxFilter.Mine;
    private InboxSort _sort = InboxSort.Recent;
    private string? _search;
    private ConversationRowSet? _rows;
    private string? _error;
    private Dictionary<Guid, int> _queues = [];
    // Milliseconds of Environment.TickCount64: a throttle in real time, which a test's fake clock must not hold still.
    private long _countedAt;
    private bool _queueMoved;
    // Bumped whenever the list is read afresh: rows read for an older filter or search are not merged in.
    private int _generation;
    private bool _loading;
    // Conversations named while the list was being read: the read may have missed them, so they are re-read after it.
    private readonly HashSet<Guid> _pending = [];
    private IDisposable? _subscription;

    // Supervisors hear every team's queue size (for the overview); the list counts the teams the viewer takes from.
    private int QueueCount => _queues.Where(q => Viewer.IsAdmin || Viewer.TeamIds.Contains(q.Key)).Sum(q => q.Value);

    protected override async Task OnInitializedAsync()
    {
        _subscription = Notifier.Subscribe(InboxGroups.For(Viewer), OnBatchAsync);
        await ReloadAsync();
    }

    /// <summary>Reads the list and the queue sizes afresh: on a filter or search change, a retry, or a page that fell behind.</summary>
    public async Task ReloadAsync()
    {
        var generation = ++_generation;
        var limit = _rows?.Filter == _filter && _rows.Sort == _sort ? _rows.Limit : InboxQueries.PageSize;
        _loading = true;
        try
        {
            var page = await Reads.ListAsync(Viewer, _filter, _search, limit + 1, _sort);
            var queues = await Reads.QueueCountsAsync(Viewer);
            if (generation != _generation) return;
            var rows = new ConversationRowSet(_filter, _sort);
            rows.Reset(page, limit);
            _rows = rows;
            _queues = new Dictionary<Guid, int>(queues);
            _countedAt = Environment.TickCount64;
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Loading the conversation list failed");
            _error = "The server did not answer. Check your connection and try again.";
        }
        if (generation != _generation) return;
        _loading = false;
        if (_pending.Count > 0)
        {
            List<Guid> named = [.. _pending];
            _pending.Clear();
            await MergeAsync(named);
        }
    }

    /// <summary>Re-reads a row that shows unread messages, after the page marked it read.</summary>
    public async Task RefreshUnreadAsync(Guid id)
    {
        // A row that shows none needs no read: if an event's re-read is still to come, it reads the marker just written.
        if (_rows?.ShowsUnread(id) != true) return;
        await MergeAsync([id]);
        StateHasChanged();
    }

    private async Task OnBatchAsync(LiveBatch batch)
    {
        await InvokeAsync(async () =>
        {
            if (batch.Overflowed)
            {
                await ReloadAsync();
                StateHasChanged();
                return;
            }
            var named = new HashSet<Guid>();
            foreach (var e in batch.Events)
            {
                if (e is { Kind: InboxEventKinds.QueueChanged, TeamId: { } team, QueueCount: { } count })
                {
                    _queues[team] = count;
                    _queueMoved = true;
                }
                if (e.ConversationId is not { } id) continue;
                if (_loading) _pending.Add(id);
                else if (Concerns(e, id)) named.Add(id);
            }
            await MergeAsync(named);
            if (_queueMoved && Environment.TickCount64 - _countedAt >= RecountAtMostEvery.TotalMilliseconds)
            {
                // Events carry each team's count as the fan-out saw it; a cheap grouped count corrects any that raced.
                _queueMoved = false;
                _countedAt = Environment.TickCount64;
                _queues = new Dictionary<Guid, int>(await Reads.QueueCountsAsync(Viewer));
            }
            StateHasChanged();
        });
    }

    /// <summary>Whether an event may change a row of this list: a row it shows, or a conversation that may join it.</summary>
    private bool Concerns(InboxEvent e, Guid id)
    {
        if (_rows is null) return false;
        if (_rows.Contains(id)) return _rows.IsBehind(id, e.Sequence) || e.Kind == InboxEventKinds.MessageUpdated;
        return _filter switch
        {
            InboxFilter.Mine => e.AgentId == Viewer.AgentId && e.Kind != InboxEventKinds.ConversationClosed,
            InboxFilter.Queue => e.AgentId is null && e.Kind is not (InboxEventKinds.ConversationClosed or InboxEventKinds.QueueChanged),
            InboxFilter.Closed => e.Kind == InboxEventKinds.ConversationClosed,
            _ => e.Kind is not (InboxEventKinds.ConversationClosed or InboxEventKinds.QueueChanged),
        };
    }

    private async Task MergeAsync(IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0 || _rows is not { } rows) return;
        var generation = _generation;
        try
        {
            var found = await Reads.RowsAsync(Viewer, rows.Filter, _search, ids);
            if (generation == _generation) rows.Merge(ids, found);
            else _pending.UnionWith(ids);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rows stay as they were; the next event or a reload brings them up to date.
            Logger.LogWarning(ex, "Reading {Count} changed conversations failed", ids.Count);
        }
    }

    private async Task SetFilterAsync(InboxFilter filter)
    {
        _filter = filter;
        _rows = null;
        await ReloadAsync();
    }

    private async Task SetSortAsync(InboxSort sort)
    {
        _sort = sort;
        await ReloadAsync();
    }

    private async Task SetSearchAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
    }

    private async Task LoadMoreAsync()
    {
        if (_rows is null) return;
        _rows.ShowMore(InboxQueries.PageSize);
        await ReloadAsync();
    }

    public void Dispose() => _subscription?.Dispose();
}
