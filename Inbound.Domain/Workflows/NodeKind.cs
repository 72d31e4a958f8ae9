namespace Inbound.Domain.Workflows;

/// <summary>Every kind of node; the JSON discriminator of a node is its kind's name in camelCase.</summary>
public enum NodeKind
{
    ConversationOpened,
    ConversationClosed,
    Manual,
    AskQuestion,
    UpdateContactField,
    AddTag,
    RemoveTag,
    AddComment,
    SendMessage,
    HttpRequest,
    Branch,
    BusinessHours,
    AssignTo,
    Unassign,
    CloseConversation,
    Wait,
    JumpTo,
    End,
    AskForRating,
    AnswerWithAi,
    Classify,
}
