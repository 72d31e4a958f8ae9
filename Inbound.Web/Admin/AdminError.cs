namespace Inbound.Web.Admin;

/// <summary>The admin errors a page says in its reader's language: each has a text in AdminErrors.resx and AdminErrors.th.resx.</summary>
public enum AdminError
{
    EmailInvalid,
    EmailTaken,
    PersonNameMissing,
    RoleUnknown,
    CapacityRange,
    TeamMissing,
    AgentMissing,
    CannotDeactivateSelf,
    WaitAlertRange,
    TeamHasOpenConversations,
    ShortcutInvalid,
    ResponseTextInvalid,
    ResponseTeamMissing,
    ResponseScopeDenied,
    CategoryNameInvalid,
    CategoryExists,
    ContactNotFound,
    ContactNameMissing,
    ContactNameTooLong,
    PhoneInvalid,
    FieldNameMissing,
    TagTooLong,
    MergeSameContact,
    MergeContactMissing,
    MergeBothOpen,
    FirstMessageMissing,
    ContactNotOnChannel,
    ContactHasOpenConversation,
}
