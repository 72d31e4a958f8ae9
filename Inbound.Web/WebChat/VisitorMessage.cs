using Inbound.Domain.Conversations;

namespace Inbound.Web.WebChat;

/// <summary>What a visitor sees of their thread: their messages and the replies, never internal notes.</summary>
/// <param name="Images">How many images (files) the message carries; the visitor sees that they went, not the files.</param>
/// <param name="AuthorName">The agent's first name; null for the workflow's messages, which the chat signs itself.</param>
public sealed record VisitorMessage(Guid Id, bool FromVisitor, string? AuthorName, string Body, DateTime CreatedAt, DeliveryStatus Status,
    IReadOnlyList<string>? QuickReplies = null, int Images = 0);

/// <summary>One of the visitor's conversations; earlier ones are shown read-only above the latest.</summary>
public sealed record VisitorConversation(Guid Id, DateTime OpenedAt, bool IsOpen, IReadOnlyList<VisitorMessage> Messages);

/// <param name="Earlier">The visitor's earlier conversations, oldest first.</param>
public sealed record VisitorThread(Guid? ContactId, Guid? ConversationId, bool IsOpen, IReadOnlyList<VisitorMessage> Messages,
    IReadOnlyList<VisitorConversation> Earlier)
{
    public static readonly VisitorThread None = new(null, null, false, [], []);
}

/// <summary>
/// What the visitor's browser tells about them with a message: what they typed in the pre-chat form, the page, the
/// browser, and the language the chat speaks to them (which becomes the contact's language).
/// </summary>
public sealed record VisitorDetails(string? Name = null, string? Email = null, string? Page = null, string? UserAgent = null, string? Language = null);
