using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Web.Inbox;

namespace Inbound.Tests.Inbox;

/// <summary>Inbox view models with sensible defaults, so a test states only what it is about.</summary>
public static class InboxBuilders
{
    public static readonly DateTime Now = new(2026, 3, 10, 14, 30, 0, DateTimeKind.Utc);

    public static ConversationSummary Summary(string contact = "Maria Lopez", string? last = "Where is my order?", int unread = 0,
        DateTime? waitingSince = null, MessageDirection direction = MessageDirection.Inbound,
        AuthorKind? author = null, Guid? authorId = null, string? authorName = null) =>
        new(Guid.NewGuid(), 3, contact, "Website chat", ChannelType.WebChat, ConversationStatus.Open, null, null, null, "Sales",
            last, direction, Now.AddMinutes(-5), waitingSince, unread,
            author ?? (direction == MessageDirection.Inbound ? AuthorKind.Contact : AuthorKind.Agent), authorId, authorName);

    public static ThreadEntry Entry(MessageDirection direction, AuthorKind author, string authorName, string body,
        DeliveryStatus status = DeliveryStatus.Sent, int minutesAgo = 10) =>
        new(Guid.NewGuid(), direction, author, authorName, body, status, Now.AddMinutes(-minutesAgo));

    public static ConversationThread Thread(IReadOnlyList<ThreadEntry> entries, ConversationStatus status = ConversationStatus.Open,
        string? closingCategory = null, string? closingSummary = null) =>
        new(Guid.NewGuid(), 5, status, Guid.NewGuid(), "Ana Agent", Guid.NewGuid(), "Sales", Now.AddMinutes(-30),
            status == ConversationStatus.Closed ? Now : null, closingCategory, closingSummary, entries,
            new ContactCard(Guid.NewGuid(), "Maria Lopez", "maria@example.com", null, "Website chat", ChannelType.WebChat,
                [new ContactIdentityView("Website chat", "visitor-1")], new Dictionary<string, string> { ["Topic"] = "Sales" }, ["vip"], []));
}
