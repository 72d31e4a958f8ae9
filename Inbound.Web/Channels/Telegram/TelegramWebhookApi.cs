using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inbound.Domain.Channels;
using Inbound.Web.Channels.Media;
using Inbound.Web.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Telegram;

/// <summary>
/// The Telegram bot's webhook. Telegram sends the channel secret (given as <c>secret_token</c> to setWebhook) in
/// <c>X-Telegram-Bot-Api-Secret-Token</c>; a request without it is refused before the body is read.
/// </summary>
public static class TelegramWebhookApi
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapProviderWebhook(ChannelType.Telegram, PostUpdate)
            .WithName("PostTelegramUpdate")
            .WithSummary("Telegram Bot API webhook: message and callback_query updates.");
        return app;
    }

    internal static async Task<Results<Ok, ProblemHttpResult>> PostUpdate(string channelKey, HttpRequest request, ChannelDirectory channels,
        IngestionQueue queue, TelegramBotClient telegram, MediaLibrary media, IOptions<IngestionOptions> options,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await channels.FindChannelAsync(channelKey, ChannelType.Telegram, cancellationToken) is not { } channel)
            return ProviderWebhooks.UnknownChannel(ChannelType.Telegram, channelKey);
        var given = Encoding.UTF8.GetBytes(request.Headers[SecretHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, channel.SecretBytes))
            return TypedResults.Problem(statusCode: 401, title: "Bad secret token", detail: $"The {SecretHeader} header must carry the channel secret.");

        var body = await RequestBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null) return TypedResults.Problem(statusCode: 413, title: "Update too large");
        TelegramUpdate? update;
        try
        {
            update = JsonSerializer.Deserialize<TelegramUpdate>(body.Value.Span, TelegramJson.Options);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed update", detail: ex.Message);
        }
        if (update is null) return TypedResults.Problem(statusCode: 400, title: "Malformed update", detail: "The body is not an Update object.");

        // Anything Inbound does not handle is acknowledged, or Telegram would send it again and again.
        if (TelegramInbound.From(update) is not { } inbound) return TypedResults.Ok();

        if (inbound.CallbackQueryId is { } queryId)
        {
            // Stops the spinner on the contact's button; the answer itself is the message stored below.
            try { (await telegram.CallAsync(channel.Settings, "answerCallbackQuery", new { callback_query_id = queryId }, cancellationToken)).Dispose(); }
            catch (HttpRequestException ex) { loggers.CreateLogger(nameof(TelegramWebhookApi)).LogInformation(ex, "answerCallbackQuery failed"); }
        }

        IReadOnlyList<Guid>? files = null;
        if (inbound.FileId is { } fileId)
        {
            await using var content = await telegram.DownloadAsync(channel.Settings, fileId, cancellationToken);
            if (content is not null)
            {
                var (id, error) = await media.StoreAsync(content, inbound.FileName!, inbound.FileType!, null, cancellationToken);
                if (id is { } kept) files = [kept];
                else loggers.CreateLogger(nameof(TelegramWebhookApi)).LogInformation("A Telegram file was not kept: {Reason}", error);
            }
        }
        var text = inbound.Text.Length > 0 || files is not null ? inbound.Text : $"[{inbound.FileName} could not be received]";
        var stored = await queue.SubmitAsync(new IncomingMessage(channel.Id, inbound.MessageId, inbound.ChatId, inbound.ContactName, null, null,
            text, ContactFields: Inbound.Domain.Languages.LanguageCode.Normalize(inbound.Language) is { } language
                ? new Dictionary<string, string> { [Inbound.Domain.Contacts.Contact.LanguageField] = language } : null,
            AttachmentIds: files), cancellationToken);
        if (files is not null && !stored.Refused) await media.BelongToAsync(files, stored.ConversationId, cancellationToken);
        return TypedResults.Ok();
    }
}
