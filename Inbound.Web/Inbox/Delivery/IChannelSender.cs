using Inbound.Domain.Channels;

namespace Inbound.Web.Inbox.Delivery;

/// <summary>
/// Sends outbound messages on one type of channel (web chat, WhatsApp, …) and reports whether the channel took
/// them. The outbox calls it, retries what failed for a while and records the outcome; a sender only talks to its
/// provider. It may be called again for a message it already sent (the app died before recording it): pass
/// <see cref="OutboundMessage.IdempotencyKey"/> to providers that honour one.
/// </summary>
public interface IChannelSender
{
    ChannelType ChannelType { get; }

    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}

/// <summary>A message to deliver: to whom on which channel, and what.</summary>
/// <param name="Settings">The channel's provider settings (tokens, URLs, ids).</param>
/// <param name="Secret">The channel's secret, for signing.</param>
public sealed record OutboundMessage(Guid MessageId, Guid ConversationId, Guid ChannelId, string ChannelKey, string ContactExternalId, string Body,
    IReadOnlyList<string>? QuickReplies = null)
{
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    public string Secret { get; init; } = "";
    public IReadOnlyList<OutboundAttachment> Attachments { get; init; } = [];

    /// <summary>The contact's last message time, for channels that only allow free-form replies within a window.</summary>
    public DateTime? ContactLastMessageAt { get; init; }

    /// <summary>The approved template to send instead of the body as free-form text (WhatsApp outside its window).</summary>
    public Inbound.Domain.Conversations.SentTemplate? Template { get; init; }

    /// <summary>The channel's id of the contact's last message (an email's Message-Id), for channels that thread replies.</summary>
    public string? InReplyTo { get; init; }

    public string IdempotencyKey => MessageId.ToString("N");

    public string? Setting(string name) => Settings.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

/// <summary>A file sent with a message; <see cref="Open"/> reads it from the file store.</summary>
public sealed record OutboundAttachment(Guid Id, string FileName, string ContentType, long Length, Func<CancellationToken, Task<Stream>> Open)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a channel said to one attempt.</summary>
/// <param name="Delivered">The channel's acceptance already means it reached the contact (Telegram has no later receipt).</param>
public sealed record DeliveryResult(bool Accepted, string? ChannelMessageId, string? Error, bool Permanent, bool Delivered = false)
{
    public static DeliveryResult Sent(string? channelMessageId = null) => new(true, channelMessageId, null, false);

    public static DeliveryResult DeliveredNow(string? channelMessageId = null) => new(true, channelMessageId, null, false, Delivered: true);

    /// <summary>Worth another try later (a timeout, a 5xx, a 429).</summary>
    public static DeliveryResult Transient(string error) => new(false, null, error, false);

    /// <summary>Another try would fail the same way (a 4xx, a missing setting): the message is marked failed now.</summary>
    public static DeliveryResult Refused(string error) => new(false, null, error, true);

    /// <summary>Classifies a provider's HTTP answer: 2xx taken, 408/429/5xx transient, any other 4xx refused.</summary>
    public static async Task<DeliveryResult> FromResponseAsync(HttpResponseMessage response, Func<string, string?>? channelMessageId, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode) return Sent(channelMessageId?.Invoke(body));
        var error = $"{(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length > 300 ? body[..300] : body)}".TrimEnd(' ', ':');
        var code = (int)response.StatusCode;
        return code is 408 or 429 or >= 500 ? Transient(error) : Refused(error);
    }
}
