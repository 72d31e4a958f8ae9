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
    /// <summary>
    /// Since when the contact waits for a person: queued, from when it entered the queue; assigned, from their first
    /// message no agent has answered yet. A workflow's reply (a queue notice) does not end the wait.
    /// </summary>
    DateTime? WaitingSince,
    int Unread,
    /// <summary>Who wrote the last message: the list says "You" only for the viewer's own replies.</summary>
    AuthorKind? LastAuthorKind = null,
    Guid? LastAuthorId = null,
    string? LastAuthorName = null,
    /// <summary>The SLA target the conversation races now, for its time-left chip; null when closed or without one.</summary>
    Sla.SlaDue? Sla = null);
