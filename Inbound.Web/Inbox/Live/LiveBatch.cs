namespace Inbound.Web.Inbox.Live;

/// <summary>
/// The events a live page receives at once: all that arrived since its previous batch was handled. When its buffer
/// overflowed, some were dropped (never the latest state in the database): the page re-reads instead of applying them.
/// </summary>
public sealed record LiveBatch(IReadOnlyList<InboxEvent> Events, bool Overflowed)
{
    /// <summary>Whether the agent's availability may have changed: it did, or the page missed events and cannot tell.</summary>
    public bool MayChangeAvailabilityOf(Guid agentId) =>
        Overflowed || Events.Any(e => e.Kind == InboxEventKinds.AvailabilityChanged && e.AgentId == agentId);
}
