namespace Inbound.Web.Inbox.Components;

public sealed record ClosingNoteInput(string Category, string Summary);
