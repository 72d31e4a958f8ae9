using Inbound.Domain.Conversations;

namespace Inbound.Web.Contacts;

public sealed record ContactQuery(string? Search = null, string? Tag = null, Guid? ChannelId = null, bool? HasOpenConversation = null, int Page = 0, int PageSize = 50);

public sealed record ContactRow(Guid Id, string Name, string? Phone, string? Email, IReadOnlyList<string> Tags, DateTime CreatedAt);

public sealed record ContactSearchPage(IReadOnlyList<ContactRow> Items, int Total, int Page, int PageSize);

public sealed record ContactIdentityInfo(Guid ChannelId, string ChannelName, string ExternalId);

/// <summary>One conversation in a contact's timeline.</summary>
public sealed record ContactConversation(Guid Id, ConversationStatus Status, ConversationSource Source, string ChannelName, string? TeamName,
    string? AssigneeName, DateTime OpenedAt, DateTime? ClosedAt, string? ClosingCategory, string? FirstMessage);

public sealed record ContactDetails(Guid Id, string Name, bool IsAnonymous, string? Phone, string? Email, DateTime CreatedAt,
    IReadOnlyList<ContactIdentityInfo> Identities, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Tags,
    IReadOnlyList<ContactConversation> Conversations)
{
    public ContactConversation? OpenConversation => Conversations.FirstOrDefault(c => c.Status == ConversationStatus.Open);
}

/// <summary>An edit of a contact as a person makes it: every value given replaces the one stored.</summary>
public sealed record ContactEdit(string? Name, string? Phone, string? Email, IReadOnlyDictionary<string, string>? Fields, IReadOnlyList<string>? Tags);

public sealed record MergeOutcome(Guid KeptId, int ConversationsMoved, int IdentitiesMoved);

public sealed record StartedConversation(Guid ConversationId, Guid MessageId);
