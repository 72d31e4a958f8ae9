using System.Text.Json;
using Inbound.Domain.Channels;
using Inbound.Web.Channels.Media;
using Inbound.Web.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Line;

/// <summary>
/// The LINE Messaging API webhook. Each POST is signed in <c>X-Line-Signature</c> (base64 HMAC-SHA256 of the raw body
/// with the channel secret), checked before anything is parsed. LINE's "Verify" in its console sends an empty event
/// list, answered 200. Messages and postbacks become the contact's messages, deduplicated by the webhook event id that
/// LINE keeps when it redelivers an event; follow and unfollow mark the contact reachable or not.
/// </summary>
public static class LineWebhookApi
{
    public static IEndpointRouteBuilder MapLineWebhook(this IEndpointRouteBuilder app)
    {
        app.MapProviderWebhook(ChannelType.Line, PostEvents)
            .WithName("PostLineEvents")
            .WithSummary("LINE Messaging API webhook: message, postback, follow and unfollow events.");
        app.MapGet("api/channels/{channelKey}/line/media/{fileId:guid}", GetMedia)
            .WithTags("Ingestion")
            .WithName("GetLineMedia")
            .WithSummary("A file of a reply, for LINE's servers to fetch by its signed, expiring link.");
        return app;
    }

    internal static async Task<Results<Ok, ProblemHttpResult>> PostEvents(string channelKey, HttpRequest request, ChannelDirectory channels,
        IngestionQueue queue, LineApiClient line, LineProfiles profiles, LineReplyTokens replyTokens, LineContactReach reach, MediaLibrary media,
        IOptions<IngestionOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await channels.FindChannelAsync(channelKey, ChannelType.Line, cancellationToken) is not { } channel)
            return ProviderWebhooks.UnknownChannel(ChannelType.Line, channelKey);
        var body = await RequestBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null) return TypedResults.Problem(statusCode: 413, title: "Webhook body too large");
        // LINE signs the raw body: checked before anything is parsed.
        if (!LineSignature.IsValid(request.Headers[LineSignature.Header], body.Value.Span, channel.SecretBytes))
            return TypedResults.Problem(statusCode: 401, title: "Bad signature",
                detail: $"The {LineSignature.Header} header must be the base64 HMAC-SHA256 of the raw body with the channel secret.");

        LineWebhookBody? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize<LineWebhookBody>(body.Value.Span, LineJson.Options);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed webhook body", detail: ex.Message);
        }
        if (webhook is null) return TypedResults.Problem(statusCode: 400, title: "Malformed webhook body", detail: "The body is not a webhook object.");

        var log = loggers.CreateLogger(nameof(LineWebhookApi));
        // Events in the order LINE sent them; an empty list is the console's verification request.
        foreach (var e in webhook.Events ?? [])
        {
            switch (LineInbound.From(e))
            {
                case LineInbound.Followed f:
                    await reach.SetAsync(channel.Id, f.UserId, reachable: true, cancellationToken);
                    break;
                case LineInbound.Unfollowed u:
                    if (!await reach.SetAsync(channel.Id, u.UserId, reachable: false, cancellationToken))
                        log.LogDebug("LINE user {UserId} blocked the account before writing", u.UserId);
                    break;
                case LineInbound.Said said:
                    await StoreAsync(channel, said, queue, line, profiles, replyTokens, media, log, cancellationToken);
                    break;
            }
        }
        return TypedResults.Ok();
    }

    private static async Task StoreAsync(ChannelInfo channel, LineInbound.Said said, IngestionQueue queue, LineApiClient line, LineProfiles profiles,
        LineReplyTokens replyTokens, MediaLibrary media, ILogger log, CancellationToken cancellationToken)
    {
        // Remembered before the message is stored: the workflow's first reply may be on its way right after.
        if (said.ReplyToken is { } token) replyTokens.Remember(said.EventId, token);
        var profile = await profiles.DueAsync(channel, said.UserId, cancellationToken);

        IReadOnlyList<Guid>? files = null;
        if (said.ContentMessageId is { } contentId)
        {
            await using var content = await line.DownloadAsync(channel.Settings, contentId, cancellationToken);
            if (content is not null)
            {
                var (id, error) = await media.StoreAsync(content, said.FileName!, said.ContentType!, null, cancellationToken);
                if (id is { } kept) files = [kept];
                else log.LogInformation("A LINE file was not kept: {Reason}", error);
            }
        }
        var text = said.Text.Length > 0 || files is not null || said.FileName is null ? said.Text : $"[{said.FileName} could not be received]";
        var stored = await queue.SubmitAsync(new IncomingMessage(channel.Id, said.EventId, said.UserId, profile?.DisplayName, null, null, text,
            ContactFields: LineProfiles.FieldsOf(profile), AttachmentIds: files), cancellationToken);
        if (files is not null && !stored.Refused) await media.BelongToAsync(files, stored.ConversationId, cancellationToken);
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetMedia(string channelKey, Guid fileId, long expires, string? sig,
        ChannelDirectory channels, LineMediaLinks links, MediaLibrary media, CancellationToken cancellationToken)
    {
        var notFound = TypedResults.Problem(statusCode: 404, title: "No such file");
        var channel = await channels.FindChannelAsync(channelKey, ChannelType.Line, cancellationToken);
        if (channel is null || !links.IsValid(fileId, expires, sig, System.Text.Encoding.UTF8.GetString(channel.SecretBytes)))
            return notFound;
        if (await media.FindAsync(fileId, cancellationToken) is not { } file) return notFound;
        return TypedResults.Stream(await media.OpenAsync(file, cancellationToken), file.ContentType, file.IsImage ? null : file.FileName);
    }
}
