namespace Inbound.Domain.Conversations;

public enum DeliveryStatus
{
    /// <summary>An inbound message, stored as it arrived.</summary>
    Received,
    Pending,
    Sent,
    Delivered,
    Failed,
}
