using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;

namespace Inbound.Web.Inbox;

/// <summary>A row of the conversation list.</summary>
public sealed record ConversationSummary(
    Guid Id,
    long Sequence,
    string ContactName,
    string ChannelName,
    ChannelType ChannelType,
    ConversationStatus Status,
    Guid? AssigneeId,
    string? AssigneeName,
    Guid? TeamId,
    string? TeamName,
    string? LastMessage,
    MessageDirection? LastDirection,
    DateTime LastActivityAt,
    /// <summary>When the contact's unanswered message arrived, while the contact waits for a reply.</summary>
    DateTime? WaitingSince,
    int Unread);
