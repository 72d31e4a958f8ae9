namespace Inbound.Web.Inbox.Live;

/// <summary>
/// One live update, the same for Blazor pages and outside SignalR clients. <see cref="Sequence"/> is the
/// conversation's version after the change: a client that already holds that version (or a later one) drops it,
/// and one that sees a gap re-reads the conversation.
/// </summary>
public sealed record InboxEvent(
    string Kind,
    Guid? ConversationId,
    long Sequence,
    Guid? AgentId,
    Guid? TeamId,
    Guid? MessageId,
    int? QueueCount,
    DateTime OccurredAt);

public static class InboxEventKinds
{
    public const string ConversationOpened = "conversationOpened";
    public const string ConversationAssigned = "conversationAssigned";
    public const string ConversationUnassigned = "conversationUnassigned";
    public const string ConversationUpdated = "conversationUpdated";
    public const string ConversationClosed = "conversationClosed";
    public const string MessageAdded = "messageAdded";
    public const string MessageUpdated = "messageUpdated";
    public const string AvailabilityChanged = "availabilityChanged";
    public const string QueueChanged = "queueChanged";

    /// <summary>To the agent only: a conversation was taken back from them (no reply in time, or they went away).</summary>
    public const string AssignmentReclaimed = "assignmentReclaimed";
}
