using System.Text.Json;
using Inbound.Domain.Channels;
using Inbound.Web.Channels.Media;
using Inbound.Web.Channels.Outbox;
using Inbound.Web.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.WhatsApp;

/// <summary>
/// The WhatsApp Cloud API webhook in Meta's format: the verification GET echoes <c>hub.challenge</c> when
/// <c>hub.verify_token</c> is the channel's; each POST is signed in <c>X-Hub-Signature-256</c> with the app secret
/// (the channel secret) over the raw body, the same sha256=&lt;hex&gt; HMAC Inbound's own webhook uses.
/// </summary>
public static class WhatsAppWebhookApi
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    public static IEndpointRouteBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder app)
    {
        app.MapGet(ProviderWebhooks.PathFor(ChannelType.WhatsApp, "{channelKey}")!, Verify).WithTags("Ingestion").WithName("VerifyWhatsAppWebhook")
            .WithSummary("Meta's webhook verification: echoes hub.challenge for the right hub.verify_token.");
        app.MapProviderWebhook(ChannelType.WhatsApp, PostNotification).WithName("PostWhatsAppNotification")
            .WithSummary("WhatsApp Cloud API webhook: messages and statuses.");
        return app;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> Verify(string channelKey, HttpRequest request, ChannelDirectory channels,
        CancellationToken cancellationToken)
    {
        // Meta verifies the URL while the admin sets the channel up, which may still be disabled.
        if (await channels.FindChannelAsync(channelKey, ChannelType.WhatsApp, evenDisabled: true, cancellationToken) is not { } channel)
            return ProviderWebhooks.UnknownChannel(ChannelType.WhatsApp, channelKey);
        var query = request.Query;
        var expected = channel.Settings.GetValueOrDefault(ChannelSettingNames.WhatsAppVerifyToken);
        if (query["hub.mode"] != "subscribe" || string.IsNullOrEmpty(expected) || query["hub.verify_token"] != expected)
            return TypedResults.Problem(statusCode: 403, title: "Verification failed", detail: "hub.mode must be subscribe and hub.verify_token the channel's verify token.");
        return TypedResults.Text(query["hub.challenge"].ToString(), "text/plain");
    }

    internal static async Task<Results<Ok, ProblemHttpResult>> PostNotification(string channelKey, HttpRequest request, ChannelDirectory channels,
        IngestionQueue queue, DeliveryCommands deliveries, WhatsAppGraphClient graph, MediaLibrary media, IOptions<IngestionOptions> options,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await channels.FindChannelAsync(channelKey, ChannelType.WhatsApp, cancellationToken) is not { } channel)
            return ProviderWebhooks.UnknownChannel(ChannelType.WhatsApp, channelKey);
        var body = await RequestBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null) return TypedResults.Problem(statusCode: 413, title: "Notification too large");
        // Meta signs the raw body: checked before anything is parsed.
        if (!WebhookSignature.IsValid(request.Headers[SignatureHeader], body.Value.Span, channel.SecretBytes))
            return TypedResults.Problem(statusCode: 401, title: "Bad signature", detail: $"The {SignatureHeader} header must be sha256=<hex HMAC-SHA256 of the raw body with the app secret>.");

        WhatsAppNotification? notification;
        try
        {
            notification = JsonSerializer.Deserialize<WhatsAppNotification>(body.Value.Span, WhatsAppJson.Options);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed notification", detail: ex.Message);
        }
        if (notification?.Object != "whatsapp_business_account")
            return TypedResults.Problem(statusCode: 400, title: "Malformed notification", detail: "object must be whatsapp_business_account.");

        var (messages, reports) = WhatsAppJson.Read(notification);
        var log = loggers.CreateLogger(nameof(WhatsAppWebhookApi));
        foreach (var m in messages)
        {
            IReadOnlyList<Guid>? files = null;
            if (m.MediaId is { } mediaId)
            {
                await using var content = await graph.DownloadAsync(channel.Settings, mediaId, cancellationToken);
                if (content is not null)
                {
                    var (id, error) = await media.StoreAsync(content, m.FileName!, m.ContentType!, null, cancellationToken);
                    if (id is { } kept) files = [kept];
                    else log.LogInformation("A WhatsApp file was not kept: {Reason}", error);
                }
            }
            var text = m.Text.Length > 0 || files is not null ? m.Text : $"[{m.FileName} could not be received]";
            var stored = await queue.SubmitAsync(new IncomingMessage(channel.Id, m.MessageId, m.From, m.ContactName, "+" + m.From, null, text,
                AttachmentIds: files), cancellationToken);
            if (files is not null && !stored.Refused) await media.BelongToAsync(files, stored.ConversationId, cancellationToken);
        }
        foreach (var report in reports)
            if (!await deliveries.ReportAsync(channel.Id, report.ChannelMessageId, report.Status, report.Error, cancellationToken))
                log.LogDebug("Status {Status} for {Id}, which Inbound did not send", report.Status, report.ChannelMessageId);
        return TypedResults.Ok();
    }
}
