namespace Inbound.Web.Inbox.Components;

/// <summary>What the composer sends: a reply to the contact, or an internal note.</summary>
public sealed record ComposerMessage(bool IsNote, string Text);
