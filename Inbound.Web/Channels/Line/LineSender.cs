using Inbound.Domain.Channels;
using Inbound.Web.Inbox.Delivery;

namespace Inbound.Web.Channels.Line;

/// <summary>
/// Replies through the Messaging API. While the reply token of the contact's last event is fresh the reply API is
/// used (free); after that, push (counted against the monthly quota). Text first, then images by signed link and
/// other files as links (LINE bots cannot send files), a question's options as up to 13 quick-reply buttons on the
/// last message. LINE has no delivery receipts for bots: an accepted message is in the chat, so it is delivered.
/// </summary>
internal sealed class LineSender(LineApiClient line, LineReplyTokens replyTokens, LineMediaLinks links) : IChannelSender
{
    // LINE's limits: 5 messages per call, 5000 characters per text, 13 quick-reply items with labels of 20 characters.
    private const int MaxMessagesPerCall = 5;
    private const int MaxText = 5000;
    private const int MaxQuickReplies = 13;

    public ChannelType ChannelType => ChannelType.Line;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Setting(ChannelSettingNames.LineAccessToken) is null) return DeliveryResult.Refused("The LINE channel has no channel access token.");
        var messages = new List<Dictionary<string, object>>();
        if (message.Body.Length > 0) messages.Add(Text(message.Body));
        foreach (var file in message.Attachments)
        {
            if (links.LinkFor(message.ChannelKey, file.Id, message.Secret) is not { } url)
                return DeliveryResult.Refused("LINE fetches files by URL: set Channels:Line:PublicBaseUrl to Inbound's public https address.");
            messages.Add(file.IsImage
                ? new Dictionary<string, object> { ["type"] = "image", ["originalContentUrl"] = url, ["previewImageUrl"] = url }
                : Text($"📎 {file.FileName}: {url}"));
        }
        if (messages.Count == 0) return DeliveryResult.Refused("Nothing to send.");
        if (message.QuickReplies is { Count: > 0 } options)
            messages[^1]["quickReply"] = new
            {
                items = options.Take(MaxQuickReplies).Select(o => new
                {
                    type = "action",
                    // A postback carries the option back exactly, and shows it in the chat as if the contact had typed it.
                    action = new { type = "postback", label = Cut(o, 20), data = Cut(o, 300), displayText = Cut(o, 300) },
                }),
            };

        DeliveryResult? first = null;
        for (var i = 0; i < messages.Count; i += MaxMessagesPerCall)
        {
            var chunk = messages.Skip(i).Take(MaxMessagesPerCall).Cast<object>().ToList();
            // Only the first call can use the token: it works once.
            var token = i == 0 ? replyTokens.Take(message.InReplyTo) : null;
            var response = token is not null ? await line.ReplyAsync(message.Settings, token, chunk, cancellationToken) : null;
            // A token LINE no longer takes (expired sooner than expected) costs nothing: the same messages are pushed.
            if (response is null || (int)response.StatusCode == 400)
            {
                response?.Dispose();
                response = await line.PushAsync(message.Settings, message.ContactExternalId, chunk, RetryKey(message.MessageId, i), cancellationToken);
            }
            using var answered = response;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            // 409 to a push with a retry key: LINE already accepted this very push before the answer got lost.
            if (!response.IsSuccessStatusCode && (int)response.StatusCode != 409) return LineErrors.Classify((int)response.StatusCode, body);
            first ??= DeliveryResult.DeliveredNow(LineApiClient.SentMessageIdOf(body));
        }
        return first!;
    }

    private static Dictionary<string, object> Text(string text) => new() { ["type"] = "text", ["text"] = Cut(text, MaxText) };

    // One key per call of a message, the same on every attempt.
    private static Guid RetryKey(Guid messageId, int chunk)
    {
        if (chunk == 0) return messageId;
        var bytes = messageId.ToByteArray();
        bytes[0] ^= (byte)(chunk / MaxMessagesPerCall);
        return new Guid(bytes);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
