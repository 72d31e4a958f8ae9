namespace Inbound.Domain.Conversations;

/// <summary>How far an outbound message got. Stored by name, so the order here is free to follow the journey.</summary>
public enum DeliveryStatus
{
    /// <summary>An inbound message, stored as it arrived.</summary>
    Received,

    /// <summary>Queued: stored with its outbox row, not yet accepted by the channel.</summary>
    Pending,
    Sent,
    Delivered,
    Read,

    /// <summary>The channel refused it for good, or every retry failed; the message says why.</summary>
    Failed,
}
