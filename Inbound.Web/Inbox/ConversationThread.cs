using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;

namespace Inbound.Web.Inbox;

/// <summary>A conversation as the thread pane and the API show it: header, entries and the contact panel.</summary>
public sealed record ConversationThread(
    Guid Id,
    long Sequence,
    ConversationStatus Status,
    Guid? AssigneeId,
    string? AssigneeName,
    Guid? TeamId,
    string? TeamName,
    DateTime OpenedAt,
    DateTime? ClosedAt,
    string? ClosingCategory,
    string? ClosingSummary,
    IReadOnlyList<ThreadEntry> Entries,
    ContactCard Contact,
    AssignmentExplanation? WhyAssigned = null,
    /// <summary>The SLA target the open conversation races now; null when closed or without one.</summary>
    Sla.SlaDue? Sla = null);

/// <summary>
/// How the workflow chose the current assignee (or left it queued): every candidate and their verdict. Shown to the
/// assignee and to supervisors and admins, so a person can see why a conversation came to them.
/// </summary>
/// <param name="Rule">The rule in English.</param>
/// <param name="RuleSaid">The rule as a phrase, for the screen to say in its reader's language; null for decisions stored before phrases.</param>
public sealed record AssignmentExplanation(string Workflow, string Rule, IReadOnlyList<Inbound.Domain.Assignment.CandidateVerdict> Candidates, DateTime At,
    Inbound.Domain.Texts.Phrase? RuleSaid = null);

/// <summary>One line of the thread: a contact's message, a reply, an internal note or a system event.</summary>
public sealed record ThreadEntry(
    Guid Id,
    MessageDirection Direction,
    AuthorKind AuthorKind,
    string AuthorName,
    string Body,
    DeliveryStatus DeliveryStatus,
    DateTime CreatedAt,
    IReadOnlyList<string>? QuickReplies = null,
    /// <summary>The agent who wrote it, for an agent's reply or note.</summary>
    Guid? AuthorId = null,
    /// <summary>Why the channel did not take it, for a reply that failed.</summary>
    string? DeliveryError = null,
    /// <summary>Files it carries: images shown inline, others as downloads.</summary>
    IReadOnlyList<Channels.Media.AttachmentView>? Attachments = null,
    /// <summary>A system note as a phrase; null for notes stored before, shown with their English body.</summary>
    Inbound.Domain.Texts.Phrase? Said = null)
{
    public bool IsSystemEvent => Direction == MessageDirection.InternalNote && AuthorKind is AuthorKind.System or AuthorKind.Workflow;
}

public sealed record ContactCard(
    Guid Id,
    string Name,
    string? Email,
    string? Phone,
    string ChannelName,
    ChannelType ChannelType,
    IReadOnlyList<ContactIdentityView> Identities,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Tags,
    IReadOnlyList<PastConversation> PastConversations)
{
    /// <summary>The contact's picture from their channel profile (LINE), shown as their avatar.</summary>
    public string? PictureUrl { get; init; }

    /// <summary>Why replies cannot reach the contact (they blocked the account); null while they can.</summary>
    public string? UnreachableReason { get; init; }
}

public sealed record ContactIdentityView(string ChannelName, string ExternalId);

public sealed record PastConversation(Guid Id, DateTime OpenedAt, ConversationStatus Status, string? ClosingCategory, bool CanOpen);
