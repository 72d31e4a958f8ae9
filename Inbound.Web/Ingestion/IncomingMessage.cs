namespace Inbound.Web.Ingestion;

/// <summary>A verified, validated message waiting to be stored.</summary>
public sealed record IncomingMessage(
    Guid ChannelId,
    string MessageId,
    string ContactExternalId,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string Text);
