namespace Inbound.Domain.Channels;

/// <summary>The names of the provider settings a channel keeps, per type.</summary>
public static class ChannelSettingNames
{
    /// <summary>Custom (API) channel: where replies and status changes are POSTed, signed with the channel secret.</summary>
    public const string OutboundUrl = "OutboundUrl";

    /// <summary>Telegram: the bot's token from BotFather (secret).</summary>
    public const string TelegramBotToken = "BotToken";

    /// <summary>WhatsApp Cloud API: the business phone number's id that messages are sent from.</summary>
    public const string WhatsAppPhoneNumberId = "PhoneNumberId";

    /// <summary>WhatsApp Cloud API: the access token sent as a bearer token (secret).</summary>
    public const string WhatsAppAccessToken = "AccessToken";

    /// <summary>WhatsApp Cloud API: the token Meta echoes in its verification GET.</summary>
    public const string WhatsAppVerifyToken = "VerifyToken";

    /// <summary>Email: the SMTP server replies go through, as host:port (STARTTLS when the server offers it).</summary>
    public const string SmtpServer = "SmtpServer";

    public const string SmtpUser = "SmtpUser";

    /// <summary>Email: the SMTP password (secret).</summary>
    public const string SmtpPassword = "SmtpPassword";

    /// <summary>Email: the address replies come from; replies to it carry the conversation (reply+{id}@its domain).</summary>
    public const string FromAddress = "FromAddress";

    /// <summary>LINE Messaging API: the channel ID from the LINE Developers Console (the channel secret is the channel's secret).</summary>
    public const string LineChannelId = "LineChannelId";

    /// <summary>LINE Messaging API: the long-lived channel access token sent as a bearer token (secret).</summary>
    public const string LineAccessToken = "LineAccessToken";

    /// <summary>LINE: the host contacts' files are downloaded from (api-data.line.me) when it is not the public one.</summary>
    public const string DataApiBaseUrl = "DataApiBaseUrl";

    /// <summary>The provider's API base URL when it is not the public one (a test double or a proxy).</summary>
    public const string ApiBaseUrl = "ApiBaseUrl";

    /// <summary>Web chat: the key of the HMAC-SHA256 a site signs its signed-in user's id with (identity verification; secret).</summary>
    public const string IdentitySecret = "IdentitySecret";

    /// <summary>Web chat: the origins (https://shop.example.com) that may embed the chat, separated by spaces or commas.</summary>
    public const string AllowedOrigins = "AllowedOrigins";

    /// <summary>Names whose values are secrets: written, never shown back in full.</summary>
    public static readonly IReadOnlySet<string> Secrets = new HashSet<string>(StringComparer.Ordinal) { TelegramBotToken, WhatsAppAccessToken, SmtpPassword, IdentitySecret, LineAccessToken };
}
