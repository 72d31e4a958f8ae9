namespace Inbound.Domain.Conversations;

/// <summary>Who opened a conversation; workflow triggers filter on it.</summary>
public enum ConversationSource
{
    Contact,
    User,
    Workflow,
    Api,
}
