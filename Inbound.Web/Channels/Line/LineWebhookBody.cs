using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inbound.Web.Channels.Line;

// The parts of LINE's webhook body (https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects)
// that Inbound reads. Property names are LINE's camelCase, so the web defaults read them as they are.

public sealed record LineWebhookBody(string? Destination, IReadOnlyList<LineEvent>? Events);

public sealed record LineEvent(string Type, string? Mode, long Timestamp, LineSource? Source, string? WebhookEventId,
    LineDeliveryContext? DeliveryContext, string? ReplyToken, LineMessage? Message, LinePostback? Postback);

public sealed record LineSource(string Type, string? UserId, string? GroupId, string? RoomId);

public sealed record LineDeliveryContext(bool IsRedelivery);

/// <param name="ContentProvider">Where an image, video or audio lives: "line" (download it from LINE) or "external".</param>
public sealed record LineMessage(string Id, string Type, string? Text, string? FileName, long? FileSize, string? PackageId, string? StickerId,
    IReadOnlyList<string>? Keywords, string? Title, string? Address, double? Latitude, double? Longitude, LineContentProvider? ContentProvider);

public sealed record LineContentProvider(string Type, string? OriginalContentUrl, string? PreviewImageUrl);

public sealed record LinePostback(string Data, JsonElement? Params);

public static class LineJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Thai text goes as it is, not as \uXXXX escapes that would triple the size of every message sent.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
