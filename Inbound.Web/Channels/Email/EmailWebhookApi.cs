using System.Text;
using Inbound.Domain.Channels;
using Inbound.Web.Channels.Media;
using Inbound.Web.Ingestion;
using Inbound.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Channels.Email;

/// <summary>
/// Inbound mail through Mailgun's inbound routing ("forward" to this URL): a form POST with <c>sender</c>,
/// <c>from</c>, <c>subject</c>, <c>body-plain</c>, <c>stripped-text</c>, <c>body-html</c>, <c>Message-Id</c>,
/// <c>In-Reply-To</c>, <c>References</c> and the signature fields <c>timestamp</c>, <c>token</c>, <c>signature</c>.
/// The contact is the sender's address, so their replies join their open conversation; the trimmed text is what the
/// agent reads, and the full original is kept as a file of the message.
/// </summary>
public static class EmailWebhookApi
{
    public static IEndpointRouteBuilder MapEmailWebhook(this IEndpointRouteBuilder app)
    {
        app.MapProviderWebhook(ChannelType.Email, PostMail)
            .WithName("PostInboundEmail")
            .WithSummary("Mailgun inbound-parse webhook (form POST, signed with the webhook signing key).");
        return app;
    }

    internal static async Task<Results<Ok, ProblemHttpResult>> PostMail(string channelKey, HttpRequest request, ChannelDirectory channels,
        IngestionQueue queue, MediaLibrary media, IDbContextFactory<InboundDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await channels.FindChannelAsync(channelKey, ChannelType.Email, cancellationToken) is not { } channel)
            return ProviderWebhooks.UnknownChannel(ChannelType.Email, channelKey);
        if (!request.HasFormContentType) return TypedResults.Problem(statusCode: 400, title: "Malformed mail", detail: "Mailgun posts form data.");
        var form = await request.ReadFormAsync(cancellationToken);
        if (!MailgunSignature.IsValid(form["timestamp"], form["token"], form["signature"], channel.SecretBytes, clock.GetUtcNow()))
            return TypedResults.Problem(statusCode: 401, title: "Bad signature", detail: "timestamp, token and signature must be Mailgun's, signed with the channel's webhook signing key, and recent.");

        var sender = form["sender"].ToString().Trim().ToLowerInvariant();
        var messageId = form["Message-Id"].ToString();
        if (sender.Length == 0 || messageId.Length == 0)
            return TypedResults.Problem(statusCode: 400, title: "Malformed mail", detail: "sender and Message-Id are required.");

        var plain = form["body-plain"].ToString();
        var full = plain.Length > 0 ? plain : MailText.FromHtml(form["body-html"].ToString());
        var stripped = form["stripped-text"].ToString();
        var text = stripped.Length > 0 ? stripped.Trim() : MailText.Trim(full);
        var subject = form["subject"].ToString();
        if (text.Length == 0) text = subject.Length > 0 ? subject : "(empty mail)";
        if (text.Length > Domain.Conversations.Message.MaxBodyLength) text = text[..(Domain.Conversations.Message.MaxBodyLength - 1)] + "…";

        // The whole mail as it came, for when the trimmed text leaves out something that mattered.
        var (original, _) = await media.StoreAsync(new MemoryStream(Encoding.UTF8.GetBytes($"Subject: {subject}\n\n{full}")), "original-mail.txt",
            "text/plain", null, cancellationToken);
        var fromName = form["from"].ToString() is { Length: > 0 } from && from.Contains('<') ? from[..from.IndexOf('<')].Trim().Trim('"') : null;
        // A reply to one of our mails belongs to the contact we wrote to, whichever address it comes from; the
        // sender's own profile is then left as it was.
        string? answered;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            answered = await EmailThread.ContactAnsweredAsync(db, channel.Id,
                EmailThread.NamedIn(form["recipient"], form["In-Reply-To"], form["References"]), cancellationToken);
        var threaded = answered is not null && answered != sender;
        var stored = await queue.SubmitAsync(new IncomingMessage(channel.Id, messageId, answered ?? sender, threaded ? null : fromName, null,
            threaded ? null : sender, text,
            ContactFields: subject.Length > 0 ? new Dictionary<string, string> { ["Email subject"] = subject } : null,
            AttachmentIds: original is { } id ? [id] : null), cancellationToken);
        if (original is { } kept && !stored.Refused) await media.BelongToAsync([kept], stored.ConversationId, cancellationToken);
        return TypedResults.Ok();
    }
}
