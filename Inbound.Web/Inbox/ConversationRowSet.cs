namespace Inbound.Web.Inbox;

/// <summary>
/// The rows a conversation list shows, in its order: a first page, then rows re-read for the conversations that events
/// named, merged in. A row that no longer belongs (assigned away, closed) leaves; a busy conversation moves up. It
/// holds at most <see cref="Limit"/> rows, and says whether the server has more.
/// </summary>
public sealed class ConversationRowSet(InboxFilter filter, InboxSort sort = InboxSort.Recent)
{
    private readonly Dictionary<Guid, ConversationSummary> _byId = [];
    private List<ConversationSummary> _ordered = [];

    public InboxFilter Filter { get; } = filter;
    public InboxSort Sort { get; } = sort;
    public IReadOnlyList<ConversationSummary> Rows => _ordered;
    public int Limit { get; private set; } = InboxQueries.PageSize;
    public bool HasMore { get; private set; }

    /// <param name="page">Up to <paramref name="limit"/> + 1 rows as the server orders them; one more than the limit means more exist.</param>
    public void Reset(IReadOnlyList<ConversationSummary> page, int limit)
    {
        Limit = limit;
        HasMore = page.Count > limit;
        _ordered = page.Take(limit).ToList();
        _byId.Clear();
        foreach (var row in _ordered) _byId[row.Id] = row;
    }

    public bool Contains(Guid id) => _byId.ContainsKey(id);

    /// <summary>Lets the list hold <paramref name="more"/> more rows; the next read fills them.</summary>
    public void ShowMore(int more) => Limit += more;

    public bool ShowsUnread(Guid id) => _byId.TryGetValue(id, out var row) && row.Unread > 0;

    /// <summary>Whether the row shown is older than the change an event announces.</summary>
    public bool IsBehind(Guid id, long sequence) => !_byId.TryGetValue(id, out var row) || row.Sequence < sequence;

    /// <param name="asked">The conversations re-read; those not <paramref name="found"/> no longer belong to this list.</param>
    public void Merge(IReadOnlyCollection<Guid> asked, IReadOnlyList<ConversationSummary> found)
    {
        foreach (var id in asked) _byId.Remove(id);
        foreach (var row in found) _byId[row.Id] = row;
        var ordered = Filter == InboxFilter.Closed
            // Closed rows keep the server's order (by closing time); newly closed ones come first.
            ? found.Concat(_ordered.Where(r => !asked.Contains(r.Id)))
            : Sort == InboxSort.TimeLeft
                ? _byId.Values.OrderBy(r => r.Sla?.DueAt ?? DateTime.MaxValue).ThenByDescending(r => r.LastActivityAt).ThenBy(r => r.Id)
                : _byId.Values.OrderByDescending(r => r.LastActivityAt).ThenBy(r => r.Id);
        _ordered = ordered.ToList();
        if (_ordered.Count > Limit)
        {
            foreach (var dropped in _ordered.Skip(Limit)) _byId.Remove(dropped.Id);
            _ordered.RemoveRange(Limit, _ordered.Count - Limit);
            HasMore = true;
        }
    }
}
