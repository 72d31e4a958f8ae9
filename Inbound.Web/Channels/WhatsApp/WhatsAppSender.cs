using Inbound.Domain.Channels;
using Inbound.Web.Inbox.Delivery;

namespace Inbound.Web.Channels.WhatsApp;

/// <summary>
/// Replies through the Cloud API: text; a question's options as reply buttons (at most three) or a list (more);
/// files uploaded and sent as image or document. Free-form messages are only allowed within the customer-service
/// window after the contact's last message; outside it the reply is refused with the reason, before any call.
/// Delivered and read come later, as status webhooks.
/// </summary>
internal sealed class WhatsAppSender(WhatsAppGraphClient graph, ServiceWindow window) : IChannelSender
{
    public const string OutsideWindow = ServiceWindow.ClosedNotice;

    public ChannelType ChannelType => ChannelType.WhatsApp;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Setting(ChannelSettingNames.WhatsAppPhoneNumberId) is null || message.Setting(ChannelSettingNames.WhatsAppAccessToken) is null)
            return DeliveryResult.Refused("The WhatsApp channel needs its phone number id and access token.");
        // A template may open a conversation at any time; anything else only within the window.
        if (message.Template is { } template)
        {
            using var sent = await graph.SendAsync(message.Settings, TemplatePayload(message.ContactExternalId, template), cancellationToken);
            return await DeliveryResult.FromResponseAsync(sent, WhatsAppGraphClient.MessageIdOf, cancellationToken);
        }
        if (!window.IsOpen(message.ContactLastMessageAt)) return DeliveryResult.Refused(OutsideWindow);

        DeliveryResult? last = null;
        foreach (var file in message.Attachments)
        {
            byte[] bytes;
            await using (var stream = await file.Open(cancellationToken))
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }
            var (mediaId, refusal) = await graph.UploadAsync(message.Settings, file.FileName, file.ContentType, bytes, cancellationToken);
            if (mediaId is null)
            {
                using (refusal) return await DeliveryResult.FromResponseAsync(refusal!, null, cancellationToken);
            }
            var isFirst = file == message.Attachments[0];
            var caption = isFirst && message.QuickReplies is not { Count: > 0 } && message.Body.Length > 0 ? message.Body : null;
            object payload = file.IsImage
                ? new { messaging_product = "whatsapp", to = message.ContactExternalId, type = "image", image = new { id = mediaId, caption } }
                : new { messaging_product = "whatsapp", to = message.ContactExternalId, type = "document", document = new { id = mediaId, caption, filename = file.FileName } };
            using var response = await graph.SendAsync(message.Settings, payload, cancellationToken);
            last = await DeliveryResult.FromResponseAsync(response, WhatsAppGraphClient.MessageIdOf, cancellationToken);
            if (!last.Accepted) return last;
        }

        var captioned = message.Attachments.Count > 0 && message.QuickReplies is not { Count: > 0 };
        if (message.Body.Length > 0 && !captioned)
        {
            using var response = await graph.SendAsync(message.Settings, TextPayload(message), cancellationToken);
            last = await DeliveryResult.FromResponseAsync(response, WhatsAppGraphClient.MessageIdOf, cancellationToken);
        }
        return last ?? DeliveryResult.Refused("Nothing to send.");
    }

    /// <summary>Meta's template message: the approved name and language, the agent's values as the body's text parameters in order.</summary>
    private static object TemplatePayload(string to, Domain.Conversations.SentTemplate template) => new
    {
        messaging_product = "whatsapp",
        recipient_type = "individual",
        to,
        type = "template",
        template = new
        {
            name = template.Name,
            language = new { code = template.Language },
            components = template.Parameters.Count == 0
                ? null
                : new[] { new { type = "body", parameters = template.Parameters.Select(p => new { type = "text", text = p }) } },
        },
    };

    private static object TextPayload(OutboundMessage message)
    {
        var to = message.ContactExternalId;
        var body = new { text = message.Body };
        return message.QuickReplies switch
        {
            null or { Count: 0 } => new { messaging_product = "whatsapp", to, type = "text", text = new { body = message.Body } },
            // Reply buttons: at most three, titles of at most 20 characters.
            { Count: <= 3 } options => new
            {
                messaging_product = "whatsapp", to, type = "interactive",
                interactive = new
                {
                    type = "button", body,
                    action = new { buttons = options.Select(o => new { type = "reply", reply = new { id = Cut(o, 256), title = Cut(o, 20) } }) },
                },
            },
            // A list: at most ten rows, titles of at most 24 characters.
            var options => new
            {
                messaging_product = "whatsapp", to, type = "interactive",
                interactive = new
                {
                    type = "list", body,
                    action = new { button = "Choose", sections = new[] { new { title = "Options", rows = options.Take(10).Select(o => new { id = Cut(o, 200), title = Cut(o, 24) }) } } },
                },
            },
        };
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
