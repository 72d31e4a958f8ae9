using Inbound.Domain.Channels;
using Inbound.Web.Inbox.Delivery;

namespace Inbound.Web.Channels.Telegram;

/// <summary>
/// Replies through the Bot API: text with <c>sendMessage</c>, images with <c>sendPhoto</c>, other files with
/// <c>sendDocument</c> (the text as the first file's caption); a question's options become an inline keyboard whose
/// taps come back as <c>callback_query</c> updates. Telegram has no delivery receipts for bots: a message it accepted
/// is in the chat, so it is recorded as delivered.
/// </summary>
internal sealed class TelegramSender(TelegramBotClient telegram) : IChannelSender
{
    // Telegram's caption limit; longer text goes as its own message.
    private const int MaxCaption = 1024;

    public ChannelType ChannelType => ChannelType.Telegram;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Setting(ChannelSettingNames.TelegramBotToken) is null) return DeliveryResult.Refused("The Telegram channel has no bot token.");
        var keyboard = message.QuickReplies is { Count: > 0 } options
            ? new { inline_keyboard = options.Select(o => new[] { new { text = o, callback_data = CallbackData(o) } }).ToArray() }
            : null;
        var textAsCaption = message.Attachments.Count > 0 && message.Body.Length <= MaxCaption;
        DeliveryResult? last = null;

        if (!textAsCaption && message.Body.Length > 0)
        {
            using var response = await telegram.CallAsync(message.Settings, "sendMessage",
                new { chat_id = message.ContactExternalId, text = message.Body, reply_markup = message.Attachments.Count == 0 ? keyboard : null }, cancellationToken);
            last = await DeliveryResult.FromResponseAsync(response, TelegramBotClient.MessageIdOf, cancellationToken);
            if (!last.Accepted) return last;
        }
        for (var i = 0; i < message.Attachments.Count; i++)
        {
            var file = message.Attachments[i];
            var isLast = i == message.Attachments.Count - 1;
            byte[] content;
            await using (var stream = await file.Open(cancellationToken))
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
                content = buffer.ToArray();
            }
            using var form = TelegramBotClient.Multipart(message.ContactExternalId, file.IsImage ? "photo" : "document", file, content,
                i == 0 && textAsCaption ? message.Body : null, isLast ? keyboard : null);
            using var response = await telegram.CallAsync(message.Settings, file.IsImage ? "sendPhoto" : "sendDocument", form, cancellationToken);
            last = await DeliveryResult.FromResponseAsync(response, TelegramBotClient.MessageIdOf, cancellationToken);
            if (!last.Accepted) return last;
        }
        return last is { ChannelMessageId: var id } ? DeliveryResult.DeliveredNow(id) : DeliveryResult.Refused("Nothing to send.");
    }

    // callback_data holds at most 64 bytes; an option longer than that is cut, and typed answers still match the option.
    private static string CallbackData(string option)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(option);
        if (bytes.Length <= 64) return option;
        var cut = 64;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
        return System.Text.Encoding.UTF8.GetString(bytes, 0, cut);
    }
}
