namespace Inbound.Web.Inbox.Live;

/// <summary>
/// The events a live page receives at once: all that arrived since its previous batch was handled. When its buffer
/// overflowed, some were dropped (never the latest state in the database): the page re-reads instead of applying them.
/// </summary>
public sealed record LiveBatch(IReadOnlyList<InboxEvent> Events, bool Overflowed);
