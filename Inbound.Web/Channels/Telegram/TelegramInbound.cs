namespace Inbound.Web.Channels.Telegram;

/// <summary>What a Telegram update says a contact did: wrote, sent a file, or tapped one of our inline buttons.</summary>
/// <param name="MessageId">Unique per bot: the update id, so Telegram's redelivery of an update is stored once.</param>
/// <param name="ChatId">The private chat with the contact: where replies go, and the contact's id on this channel.</param>
/// <param name="FileId">Telegram's id of the photo (largest size), document or voice note the message carries.</param>
/// <param name="CallbackQueryId">For a button tap: answered so the contact's button stops spinning.</param>
public sealed record TelegramInbound(string MessageId, string ChatId, string? ContactName, string Text, string? FileId, string? FileName,
    string? FileType, string? CallbackQueryId)
{
    /// <summary>The language of the contact's Telegram app ("th"), which becomes the contact's language; null when not shared.</summary>
    public string? Language { get; init; }

    /// <summary>Reads an update; null for kinds Inbound does not handle (edits, channel posts, polls, …), which are acknowledged and ignored.</summary>
    public static TelegramInbound? From(TelegramUpdate update)
    {
        if (update.CallbackQuery is { Data: { Length: > 0 } data, Message.Chat: { } chat } query)
            return new TelegramInbound($"u{update.UpdateId}", chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                NameOf(query.From), data, null, null, null, query.Id) { Language = query.From.LanguageCode };

        if (update.Message is not { } m || m.From is { IsBot: true }) return null;
        var chatId = m.Chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = m.From is { } from ? NameOf(from) : m.Chat.FirstName;
        var id = $"u{update.UpdateId}";
        return Read(m, id, chatId, name) is { } inbound ? inbound with { Language = m.From?.LanguageCode } : null;
    }

    private static TelegramInbound? Read(TelegramMessage m, string id, string chatId, string? name)
    {
        if (m.Text is { Length: > 0 } text) return new TelegramInbound(id, chatId, name, text, null, null, null, null);
        if (m.Photo is { Count: > 0 } sizes)
        {
            // Telegram sends every size it made; the last is the largest.
            var photo = sizes[^1];
            return new TelegramInbound(id, chatId, name, m.Caption ?? "", photo.FileId, "photo.jpg", "image/jpeg", null);
        }
        if (m.Document is { } document)
            return new TelegramInbound(id, chatId, name, m.Caption ?? "", document.FileId, document.FileName ?? "document", document.MimeType ?? "application/octet-stream", null);
        if (m.Voice is { } voice)
            return new TelegramInbound(id, chatId, name, m.Caption ?? "", voice.FileId, "voice.ogg", voice.MimeType ?? "audio/ogg", null);
        return null;
    }

    private static string? NameOf(TelegramUser user) =>
        string.Join(' ', new[] { user.FirstName, user.LastName }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } name ? name : user.Username;
}
