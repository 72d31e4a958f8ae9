using Inbound.Domain.Channels;
using Inbound.Web.Inbox.Delivery;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Inbound.Web.Channels.Email;

/// <summary>
/// Replies by SMTP with MailKit. Each reply threads under the contact's last mail (In-Reply-To and References), has
/// its own Message-Id (our message id, so a resend after a crash is the same mail), and a Reply-To that carries the
/// conversation (reply+{conversation}@the sender's domain).
/// </summary>
internal sealed class EmailSender : IChannelSender
{
    public ChannelType ChannelType => ChannelType.Email;

    public static string MessageIdFor(Guid messageId, string domain) => $"{messageId:N}@{domain}";

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Setting(ChannelSettingNames.SmtpServer) is not { } server || message.Setting(ChannelSettingNames.FromAddress) is not { } from)
            return DeliveryResult.Refused("The email channel needs its SMTP server and from address.");
        var domain = from[(from.IndexOf('@') + 1)..];
        var mail = new MimeMessage { Subject = "Re: your message", MessageId = MessageIdFor(message.MessageId, domain) };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse(message.ContactExternalId));
        mail.ReplyTo.Add(new MailboxAddress(null, $"reply+{message.ConversationId:N}@{domain}"));
        if (message.InReplyTo is { Length: > 0 } parent)
        {
            mail.InReplyTo = parent.Trim('<', '>');
            mail.References.Add(parent.Trim('<', '>'));
        }
        var body = new BodyBuilder { TextBody = message.Body };
        foreach (var file in message.Attachments)
        {
            await using var content = await file.Open(cancellationToken);
            await body.Attachments.AddAsync(file.FileName, content, ContentType.Parse(file.ContentType), cancellationToken);
        }
        mail.Body = body.ToMessageBody();

        var (host, port) = server.Split(':') is [var h, var p] && int.TryParse(p, out var n) ? (h, n) : (server, 25);
        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(host, port, SecureSocketOptions.Auto, cancellationToken);
            if (message.Setting(ChannelSettingNames.SmtpUser) is { } user)
                await smtp.AuthenticateAsync(user, message.Setting(ChannelSettingNames.SmtpPassword) ?? "", cancellationToken);
            await smtp.SendAsync(mail, cancellationToken);
            await smtp.DisconnectAsync(true, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            return DeliveryResult.Refused($"The mail server refused the reply: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or System.Net.Sockets.SocketException or IOException)
        {
            return DeliveryResult.Transient($"The mail server could not take the reply now: {ex.Message}");
        }
        return DeliveryResult.Sent(mail.MessageId);
    }
}
