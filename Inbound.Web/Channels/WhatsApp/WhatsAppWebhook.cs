using System.Globalization;
using System.Text.Json;
using Inbound.Domain.Conversations;

namespace Inbound.Web.Channels.WhatsApp;

// The parts of the WhatsApp Cloud API webhook (object "whatsapp_business_account", field "messages") Inbound reads.

public sealed record WhatsAppNotification(string? Object, IReadOnlyList<WhatsAppEntry>? Entry);
public sealed record WhatsAppEntry(string? Id, IReadOnlyList<WhatsAppChange>? Changes);
public sealed record WhatsAppChange(string? Field, WhatsAppValue? Value);
public sealed record WhatsAppValue(IReadOnlyList<WhatsAppContact>? Contacts, IReadOnlyList<WhatsAppMessage>? Messages, IReadOnlyList<WhatsAppStatus>? Statuses);
public sealed record WhatsAppContact(string WaId, WhatsAppProfile? Profile);
public sealed record WhatsAppProfile(string? Name);
public sealed record WhatsAppMessage(string From, string Id, string? Type, WhatsAppText? Text, WhatsAppInteractive? Interactive, WhatsAppButton? Button,
    WhatsAppMedia? Image, WhatsAppMedia? Document, WhatsAppMedia? Audio, WhatsAppMedia? Voice, WhatsAppLocation? Location);
public sealed record WhatsAppText(string? Body);
public sealed record WhatsAppInteractive(string? Type, WhatsAppReply? ButtonReply, WhatsAppReply? ListReply);
public sealed record WhatsAppReply(string? Id, string? Title);
public sealed record WhatsAppButton(string? Text, string? Payload);
public sealed record WhatsAppMedia(string Id, string? MimeType, string? Caption, string? Filename);
public sealed record WhatsAppLocation(double Latitude, double Longitude, string? Name, string? Address);
public sealed record WhatsAppStatus(string Id, string? Status, string? RecipientId, IReadOnlyList<WhatsAppError>? Errors);
public sealed record WhatsAppError(int Code, string? Title, string? Message, WhatsAppErrorData? ErrorData);
public sealed record WhatsAppErrorData(string? Details);

/// <summary>A contact's message as Inbound stores it; <see cref="MediaId"/> names a file to fetch from the Graph API.</summary>
public sealed record WhatsAppInbound(string MessageId, string From, string? ContactName, string Text, string? MediaId, string? FileName, string? ContentType);

/// <summary>A status update for a message Inbound sent.</summary>
public sealed record WhatsAppDeliveryReport(string ChannelMessageId, DeliveryStatus Status, string? Error);

public static class WhatsAppJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The messages and statuses of a notification; kinds Inbound does not handle (reactions, system messages, …) are left out.</summary>
    public static (IReadOnlyList<WhatsAppInbound> Messages, IReadOnlyList<WhatsAppDeliveryReport> Reports) Read(WhatsAppNotification notification)
    {
        var messages = new List<WhatsAppInbound>();
        var reports = new List<WhatsAppDeliveryReport>();
        foreach (var value in (notification.Entry ?? []).SelectMany(e => e.Changes ?? []).Where(c => c.Field == "messages").Select(c => c.Value))
        {
            if (value is null) continue;
            var names = (value.Contacts ?? []).ToDictionary(c => c.WaId, c => c.Profile?.Name);
            foreach (var m in value.Messages ?? [])
                if (Read(m, names.GetValueOrDefault(m.From)) is { } inbound) messages.Add(inbound);
            foreach (var s in value.Statuses ?? [])
                if (Read(s) is { } report) reports.Add(report);
        }
        return (messages, reports);
    }

    private static WhatsAppInbound? Read(WhatsAppMessage m, string? name)
    {
        WhatsAppInbound Text(string text) => new(m.Id, m.From, name, text, null, null, null);
        WhatsAppInbound File(WhatsAppMedia media, string fallbackName) =>
            new(m.Id, m.From, name, media.Caption ?? "", media.Id, media.Filename ?? fallbackName, media.MimeType ?? "application/octet-stream");
        return m.Type switch
        {
            "text" when m.Text?.Body is { Length: > 0 } body => Text(body),
            // The title is what the contact saw and tapped. Inbound's buttons carry the whole option as their id and a
            // title cut to WhatsApp's limit, so an id that extends the title is the option itself.
            "interactive" when (m.Interactive?.ButtonReply ?? m.Interactive?.ListReply) is { Title: { Length: > 0 } title } reply =>
                Text(reply.Id is { } id && id.Length > title.Length && id.StartsWith(title, StringComparison.Ordinal) ? id : title),
            "button" when m.Button?.Text is { Length: > 0 } text => Text(text),
            "image" when m.Image is { } image => File(image, "image.jpg"),
            "document" when m.Document is { } document => File(document, "document"),
            "audio" when m.Audio is { } audio => File(audio, "audio.ogg"),
            "voice" when m.Voice is { } voice => File(voice, "voice.ogg"),
            "location" when m.Location is { } l => Text(string.Join(", ", new[] { l.Name, l.Address }.Where(p => !string.IsNullOrWhiteSpace(p)))
                + string.Create(CultureInfo.InvariantCulture, $" 📍 https://maps.google.com/?q={l.Latitude},{l.Longitude}")),
            _ => null,
        };
    }

    private static WhatsAppDeliveryReport? Read(WhatsAppStatus s)
    {
        var status = s.Status switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => (DeliveryStatus?)null,
        };
        if (status is null) return null;
        var error = s.Errors is [var first, ..]
            ? $"WhatsApp error {first.Code}: {first.ErrorData?.Details ?? first.Message ?? first.Title}"
            : null;
        return new WhatsAppDeliveryReport(s.Id, status.Value, error);
    }
}
