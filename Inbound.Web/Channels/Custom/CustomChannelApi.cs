using System.Text.Json;
using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Web.Channels.Outbox;
using Inbound.Web.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Custom;

/// <summary>A custom channel reports what became of the messages it was sent (delivered, read, failed), signed like its messages.</summary>
public static class CustomChannelApi
{
    public static IEndpointRouteBuilder MapCustomChannelApi(this IEndpointRouteBuilder app)
    {
        app.MapProviderWebhook("statuses", PostStatus)
            .WithName("PostChannelStatus")
            .WithSummary("Report a sent message's delivery status from a custom channel (signed with the channel secret).")
            .Accepts<CustomChannelStatus>("application/json");
        return app;
    }

    internal static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> PostStatus(
        string channelKey, HttpRequest request, ChannelDirectory channels, DeliveryCommands deliveries,
        IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        // What a channel sent before it was disabled may still be reported.
        if (await channels.FindChannelAsync(channelKey, ChannelType.Api, evenDisabled: true, cancellationToken) is not { } channel)
            return ProviderWebhooks.UnknownChannel(ChannelType.Api, channelKey);
        var body = await RequestBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null) return TypedResults.Problem(statusCode: 413, title: "Report too large");
        if (!WebhookSignature.IsValid(request.Headers[WebhookSignature.Header], body.Value.Span, channel.SecretBytes))
            return TypedResults.Problem(statusCode: 401, title: "Bad signature",
                detail: $"The {WebhookSignature.Header} header must be sha256=<hex HMAC-SHA256 of the raw body with the channel secret>.");

        CustomChannelStatus? report;
        try
        {
            report = JsonSerializer.Deserialize<CustomChannelStatus>(body.Value.Span, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed JSON", detail: ex.Message);
        }
        var status = report?.Status?.ToLowerInvariant() switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => (DeliveryStatus?)null,
        };
        if (string.IsNullOrWhiteSpace(report?.MessageId) || status is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = ["messageId and a status of sent, delivered, read or failed are required."],
            });
        return await deliveries.ReportAsync(channel.Id, report.MessageId, status.Value, report.Error, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: 404, title: "Unknown message", detail: $"No message of this channel has the id '{report.MessageId}'.");
    }
}

/// <summary>A custom channel's report on a message it was sent: <c>messageId</c> as it received it.</summary>
public sealed record CustomChannelStatus(string? MessageId, string? Status, string? Error);
