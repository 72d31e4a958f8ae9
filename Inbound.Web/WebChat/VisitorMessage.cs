using Inbound.Domain.Conversations;

namespace Inbound.Web.WebChat;

/// <summary>What a visitor sees of their thread: their messages and the replies, never internal notes.</summary>
public sealed record VisitorMessage(Guid Id, bool FromVisitor, string AuthorName, string Body, DateTime CreatedAt, DeliveryStatus Status,
    IReadOnlyList<string>? QuickReplies = null);

public sealed record VisitorThread(Guid? ContactId, Guid? ConversationId, bool IsOpen, IReadOnlyList<VisitorMessage> Messages);
