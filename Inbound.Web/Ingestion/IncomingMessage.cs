namespace Inbound.Web.Ingestion;

/// <summary>A verified, validated message waiting to be stored.</summary>
/// <param name="ContactStandInName">What to call a new contact who gave no name (web chat's "Visitor 4821"); the external id when null.</param>
/// <param name="AttachmentIds">Files the contact sent, already in the file store.</param>
/// <param name="ContactFields">Fields the channel knows about the contact (web chat: the page and the browser), set on the contact with the message.</param>
public sealed record IncomingMessage(
    Guid ChannelId,
    string MessageId,
    string ContactExternalId,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string Text,
    string? ContactStandInName = null,
    IReadOnlyDictionary<string, string>? ContactFields = null,
    IReadOnlyList<Guid>? AttachmentIds = null);
