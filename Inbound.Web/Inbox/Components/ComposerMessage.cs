using Microsoft.AspNetCore.Components.Forms;

namespace Inbound.Web.Inbox.Components;

/// <summary>What the composer sends: a reply to the contact (with files the agent attached), or an internal note.</summary>
public sealed record ComposerMessage(bool IsNote, string Text)
{
    public IReadOnlyList<IBrowserFile> Files { get; init; } = [];
}
