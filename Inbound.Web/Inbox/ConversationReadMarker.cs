namespace Inbound.Web.Inbox;

/// <summary>How far an agent has read a conversation: later inbound messages count as unread.</summary>
public sealed class ConversationReadMarker
{
    private ConversationReadMarker() { }

    public ConversationReadMarker(Guid agentId, Guid conversationId, DateTime readAt)
    {
        AgentId = agentId;
        ConversationId = conversationId;
        ReadAt = readAt;
    }

    public Guid AgentId { get; private set; }
    public Guid ConversationId { get; private set; }
    public DateTime ReadAt { get; set; }
}
