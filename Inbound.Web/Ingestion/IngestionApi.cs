using System.Text.Json;
using Inbound.Domain.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Ingestion;

public static class IngestionApi
{
    public const string RateLimitPolicy = "ingestion-per-channel";

    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/channels").WithTags("Ingestion");
        api.MapPost("{channelKey}/messages", PostMessage)
            .WithName("PostChannelMessage")
            .WithSummary("Accept a contact's message from a channel webhook (signed with the channel secret).")
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicy)
            .Accepts<InboundMessageRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    internal static async Task<Results<Accepted<IngestionResponse>, ProblemHttpResult, ValidationProblem>> PostMessage(
        string channelKey, HttpRequest request, ChannelDirectory channels, IngestionQueue queue,
        IOptions<IngestionOptions> options, CancellationToken cancellationToken)
    {
        var channel = await channels.FindAsync(channelKey, cancellationToken);
        if (channel is not { IsEnabled: true })
            return TypedResults.Problem(statusCode: 404, title: "Unknown channel", detail: $"No enabled channel has the key '{channelKey}'.");

        var limit = options.Value.MaxBodyBytes;
        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
            return TypedResults.Problem(statusCode: 413, title: "Message too large", detail: $"The body is larger than {limit} bytes.");

        if (!WebhookSignature.IsValid(request.Headers[WebhookSignature.Header], body.Value.Span, channel.SecretBytes))
            return TypedResults.Problem(statusCode: 401, title: "Bad signature",
                detail: $"The {WebhookSignature.Header} header must be sha256=<hex HMAC-SHA256 of the raw body with the channel secret>.");

        InboundMessageRequest? message;
        try
        {
            message = JsonSerializer.Deserialize<InboundMessageRequest>(body.Value.Span, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Malformed JSON", detail: ex.Message);
        }

        if (Validate(message) is { } errors) return TypedResults.ValidationProblem(errors, title: "The message is missing required fields.");

        var incoming = new IncomingMessage(channel.Id, message!.MessageId!.Trim(), message.Contact!.ExternalId!.Trim(),
            message.Contact.Name, message.Contact.Phone, message.Contact.Email, message.Text!);
        var stored = await queue.SubmitAsync(incoming, cancellationToken);
        return TypedResults.Accepted((string?)null, stored);
    }

    private static Dictionary<string, string[]>? Validate(InboundMessageRequest? message)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(message?.MessageId)) errors["messageId"] = ["messageId is required."];
        else if (message.MessageId.Length > 200) errors["messageId"] = ["messageId has at most 200 characters."];
        if (string.IsNullOrWhiteSpace(message?.Contact?.ExternalId)) errors["contact.externalId"] = ["contact.externalId is required."];
        else if (message.Contact.ExternalId.Length > 200) errors["contact.externalId"] = ["contact.externalId has at most 200 characters."];
        if (string.IsNullOrWhiteSpace(message?.Text)) errors["text"] = ["text is required."];
        else if (message.Text.Length > Message.MaxBodyLength) errors["text"] = [$"text has at most {Message.MaxBodyLength} characters."];
        return errors.Count == 0 ? null : errors;
    }
}
