namespace Inbound.Web.Inbox;

/// <summary>The reads a live conversation list needs: a first page, the rows its events named, and the queue sizes.</summary>
public interface IConversationRows
{
    Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxViewer viewer, InboxFilter filter, string? search, int limit, CancellationToken cancellationToken = default);

    /// <summary>A first page in the order asked for; a source that knows only one order gives that.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxViewer viewer, InboxFilter filter, string? search, int limit, InboxSort sort, CancellationToken cancellationToken = default) =>
        ListAsync(viewer, filter, search, limit, cancellationToken);

    Task<IReadOnlyList<ConversationSummary>> RowsAsync(InboxViewer viewer, InboxFilter filter, string? search, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<Guid, int>> QueueCountsAsync(InboxViewer viewer, CancellationToken cancellationToken = default);
}
