using Inbound.Domain.Channels;

namespace Inbound.Web.Channels.Admin;

/// <summary>A channel as the channels page lists it: secrets masked, with its traffic at a glance.</summary>
public sealed record ChannelRow(Guid Id, string Key, string Name, ChannelType Type, bool IsEnabled, string MaskedSecret,
    IReadOnlyDictionary<string, string> Settings, DateTime? LastInboundAt, DateTime? LastOutboundAt, int FailuresLast24Hours)
{
    /// <summary>Where the provider posts: the path under the app's public address.</summary>
    public string? WebhookPath => ProviderWebhooks.PathFor(Type, Key);
}

/// <summary>What an admin typed: a null or empty secret (or secret setting) keeps the stored one.</summary>
public sealed class ChannelDraft
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public ChannelType Type { get; set; } = ChannelType.Api;
    public string? Secret { get; set; }
    public Dictionary<string, string?> Settings { get; set; } = [];

    /// <summary>The settings each type uses, in the order the form shows them.</summary>
    public static IReadOnlyList<string> SettingsOf(ChannelType type) => type switch
    {
        ChannelType.Api => [ChannelSettingNames.OutboundUrl],
        ChannelType.Telegram => [ChannelSettingNames.TelegramBotToken, ChannelSettingNames.ApiBaseUrl],
        ChannelType.WhatsApp => [ChannelSettingNames.WhatsAppPhoneNumberId, ChannelSettingNames.WhatsAppAccessToken, ChannelSettingNames.WhatsAppVerifyToken, ChannelSettingNames.ApiBaseUrl],
        ChannelType.Email => [ChannelSettingNames.SmtpServer, ChannelSettingNames.SmtpUser, ChannelSettingNames.SmtpPassword, ChannelSettingNames.FromAddress],
        _ => [],
    };

    public static string Mask(string secret) => secret.Length <= 4 ? "••••" : "••••" + secret[^4..];
}
