using Inbound.Domain.Conversations;
using Inbound.Web.Inbox;

namespace Inbound.Tests.Inbox.Live;

/// <summary>
/// The conversations behind a live list, in memory: tests change them, publish the matching events, and check that
/// the list ends showing what a fresh read would. Counts the reads, so a test can tell a re-read per event from one per batch.
/// </summary>
internal sealed class InMemoryConversationRows : IConversationRows
{
    private readonly Dictionary<Guid, ConversationSummary> _rows = [];
    private readonly Lock _gate = new();

    public int ListReads { get; private set; }
    public int RowReads { get; private set; }

    public void Put(ConversationSummary row)
    {
        lock (_gate) _rows[row.Id] = row;
    }

    public ConversationSummary Get(Guid id)
    {
        lock (_gate) return _rows[id];
    }

    public IReadOnlyList<ConversationSummary> Expected(InboxViewer viewer, InboxFilter filter)
    {
        lock (_gate) return Ordered(_rows.Values.Where(r => Belongs(viewer, filter, r))).ToList();
    }

    public Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxViewer viewer, InboxFilter filter, string? search, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ListReads++;
            return Task.FromResult<IReadOnlyList<ConversationSummary>>(Ordered(_rows.Values.Where(r => Belongs(viewer, filter, r))).Take(limit).ToList());
        }
    }

    public Task<IReadOnlyList<ConversationSummary>> RowsAsync(InboxViewer viewer, InboxFilter filter, string? search, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            RowReads++;
            return Task.FromResult<IReadOnlyList<ConversationSummary>>(
                ids.Select(id => _rows.GetValueOrDefault(id)).OfType<ConversationSummary>().Where(r => Belongs(viewer, filter, r)).ToList());
        }
    }

    public Task<IReadOnlyDictionary<Guid, int>> QueueCountsAsync(InboxViewer viewer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<Guid, int> counts = _rows.Values
                .Where(r => Belongs(viewer, InboxFilter.Queue, r))
                .GroupBy(r => r.TeamId!.Value)
                .ToDictionary(g => g.Key, g => g.Count());
            return Task.FromResult(counts);
        }
    }

    public int QueueCount(Guid teamId)
    {
        lock (_gate) return _rows.Values.Count(r => r.Status == ConversationStatus.Open && r.AssigneeId is null && r.TeamId == teamId);
    }

    private static bool Belongs(InboxViewer viewer, InboxFilter filter, ConversationSummary r) => filter switch
    {
        InboxFilter.Mine => r.Status == ConversationStatus.Open && r.AssigneeId == viewer.AgentId,
        InboxFilter.Queue => r.Status == ConversationStatus.Open && r.AssigneeId is null && r.TeamId is { } t && viewer.TeamIds.Contains(t),
        InboxFilter.Closed => r.Status == ConversationStatus.Closed,
        _ => r.Status == ConversationStatus.Open && viewer.CanSee(r.AssigneeId, r.TeamId),
    };

    private static IEnumerable<ConversationSummary> Ordered(IEnumerable<ConversationSummary> rows) =>
        rows.OrderByDescending(r => r.LastActivityAt).ThenBy(r => r.Id);
}
