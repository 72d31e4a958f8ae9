namespace Inbound.Web.Inbox.Components;

/// <param name="AiWritten">The summary is the model's draft, unchanged by the agent.</param>
public sealed record ClosingNoteInput(string Category, string Summary, bool AiWritten = false);
