using System.Globalization;

namespace Inbound.Web.Channels.Line;

/// <summary>What one LINE webhook event says a contact did.</summary>
public abstract record LineInbound(string EventId, string UserId)
{
    /// <summary>A message or a button tap, stored as the contact's message.</summary>
    /// <param name="ReplyToken">Lets the next reply go out free through the reply API, for a short while.</param>
    /// <param name="ContentMessageId">LINE's id of an image, video, audio or file to download from the data API.</param>
    public sealed record Said(string EventId, string UserId, string Text, string? ReplyToken, string? ContentMessageId, string? FileName,
        string? ContentType) : LineInbound(EventId, UserId);

    /// <summary>The contact added the account as a friend, or unblocked it.</summary>
    public sealed record Followed(string EventId, string UserId) : LineInbound(EventId, UserId);

    /// <summary>The contact blocked the account: nothing sent to them arrives any more.</summary>
    public sealed record Unfollowed(string EventId, string UserId) : LineInbound(EventId, UserId);

    /// <summary>
    /// Reads an event; null for what Inbound does not handle (group and room chats, joins, beacons, unsends, …), which
    /// is acknowledged and ignored so that LINE does not send it again.
    /// </summary>
    public static LineInbound? From(LineEvent e)
    {
        // One-to-one chats only: a group's messages are not one contact's conversation.
        if (e.Source is not { Type: "user", UserId: { Length: > 0 } userId }) return null;
        // The webhook event id is unique per event and kept across redeliveries: the message's id for deduplication.
        var id = e.WebhookEventId ?? (e.Message is { } m0 ? $"m{m0.Id}" : $"{e.Type}-{userId}-{e.Timestamp}");
        switch (e.Type)
        {
            case "follow": return new Followed(id, userId);
            case "unfollow": return new Unfollowed(id, userId);
            case "postback" when e.Postback is { Data.Length: > 0 } postback:
                // Inbound's quick replies carry the option as the postback data: the tap is the contact's answer.
                return new Said(id, userId, postback.Data, e.ReplyToken, null, null, null);
            case "message" when e.Message is { } m:
                return Message(id, userId, e.ReplyToken, m);
            default: return null;
        }
    }

    private static Said? Message(string id, string userId, string? replyToken, LineMessage m)
    {
        Said Content(string fileName, string contentType) =>
            new(id, userId, "", replyToken, m.ContentProvider is { Type: not "line" } ? null : m.Id, fileName, contentType);

        return m.Type switch
        {
            "text" => new Said(id, userId, m.Text ?? "", replyToken, null, null, null),
            "image" => Content("image.jpg", "image/jpeg"),
            "video" => Content("video.mp4", "video/mp4"),
            "audio" => Content("audio.m4a", "audio/m4a"),
            "file" => Content(m.FileName ?? "file", ContentTypeOf(m.FileName)),
            // A sticker is a picture from LINE's catalogue, not a file: shown as a placeholder naming what it means.
            "sticker" => new Said(id, userId, m.Keywords is { Count: > 0 } k ? $"[Sticker: {string.Join(", ", k.Take(3))}]" : "[Sticker]", replyToken, null, null, null),
            "location" => new Said(id, userId, Location(m), replyToken, null, null, null),
            _ => null,
        };
    }

    // As WhatsApp's locations read: the place's name and address, then a map link.
    private static string Location(LineMessage m) =>
        string.Join(", ", new[] { m.Title, m.Address }.Where(p => !string.IsNullOrWhiteSpace(p)))
        + string.Create(CultureInfo.InvariantCulture, $" 📍 https://maps.google.com/?q={m.Latitude},{m.Longitude}");

    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider Types = new();

    // LINE names a file but not its type.
    private static string ContentTypeOf(string? fileName) =>
        fileName is not null && Types.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";
}
