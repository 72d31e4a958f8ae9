using System.Text.Json;

namespace Inbound.Web.Channels.Telegram;

// The parts of the Bot API's Update object (https://core.telegram.org/bots/api#update) that Inbound reads.
// Property names follow the API's snake_case through TelegramJson.Options.

public sealed record TelegramUpdate(long UpdateId, TelegramMessage? Message, TelegramCallbackQuery? CallbackQuery);

public sealed record TelegramMessage(long MessageId, TelegramUser? From, TelegramChat Chat, long Date, string? Text, string? Caption,
    IReadOnlyList<TelegramPhotoSize>? Photo, TelegramFile? Document, TelegramFile? Voice);

/// <param name="LanguageCode">The IETF tag of the user's Telegram app language ("th"), when Telegram shares it.</param>
public sealed record TelegramUser(long Id, bool IsBot, string? FirstName, string? LastName, string? Username, string? LanguageCode = null);

public sealed record TelegramChat(long Id, string? Type, string? FirstName, string? LastName, string? Username, string? Title);

public sealed record TelegramPhotoSize(string FileId, int Width, int Height, long? FileSize);

public sealed record TelegramFile(string FileId, string? FileName, string? MimeType, long? FileSize);

public sealed record TelegramCallbackQuery(string Id, TelegramUser From, TelegramMessage? Message, string? Data);

public static class TelegramJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
