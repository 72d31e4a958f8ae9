namespace Inbound.Domain.Conversations;

public enum ConversationStatus
{
    Open,
    Closed,
}
