namespace Inbound.Domain.Conversations;

public enum MessageDirection
{
    Inbound,
    Outbound,
    InternalNote,
}
