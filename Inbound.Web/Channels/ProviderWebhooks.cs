using Inbound.Domain.Channels;
using Inbound.Web.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inbound.Web.Channels;

/// <summary>
/// What every provider's webhook shares: its route under <c>api/channels/{channelKey}/…</c>, the ingestion rate limit,
/// no antiforgery (providers post from outside), the ProblemDetails it may answer, and "the enabled channel of this
/// type or 404". A new provider adds its segment to <see cref="SegmentOf"/> and maps its handler with
/// <see cref="MapProviderWebhook"/>; the channels page then shows the URL to paste into the provider.
/// </summary>
public static class ProviderWebhooks
{
    private const string Prefix = "api/channels";

    /// <summary>The last segment of each provider's webhook route; null for channels nothing posts to.</summary>
    public static string? SegmentOf(ChannelType type) => type switch
    {
        ChannelType.Api => "messages",
        ChannelType.Telegram => "telegram",
        ChannelType.WhatsApp => "whatsapp",
        ChannelType.Email => "email",
        ChannelType.Line => "line",
        _ => null,
    };

    /// <summary>Where the provider posts for this channel: the path under the app's public address.</summary>
    public static string? PathFor(ChannelType type, string channelKey) =>
        SegmentOf(type) is { } segment ? $"{Prefix}/{channelKey}/{segment}" : null;

    /// <summary>Maps a provider's webhook POST at <c>api/channels/{channelKey}/{segment}</c>; name and summary are the caller's.</summary>
    public static RouteHandlerBuilder MapProviderWebhook(this IEndpointRouteBuilder app, string segment, Delegate handler) =>
        app.MapPost($"{Prefix}/{{channelKey}}/{segment}", handler)
            .WithTags("Ingestion")
            .DisableAntiforgery()
            .RequireRateLimiting(IngestionApi.RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <inheritdoc cref="MapProviderWebhook(IEndpointRouteBuilder, string, Delegate)"/>
    public static RouteHandlerBuilder MapProviderWebhook(this IEndpointRouteBuilder app, ChannelType type, Delegate handler) =>
        app.MapProviderWebhook(SegmentOf(type) ?? throw new ArgumentException($"{type} channels have no webhook.", nameof(type)), handler);

    /// <summary>The enabled channel with this key when it is of this type; otherwise null, answered with <see cref="UnknownChannel"/>.</summary>
    public static ValueTask<ChannelInfo?> FindChannelAsync(this ChannelDirectory channels, string channelKey, ChannelType type,
        CancellationToken cancellationToken) => channels.FindChannelAsync(channelKey, type, evenDisabled: false, cancellationToken);

    /// <summary>As above; <paramref name="evenDisabled"/> for what a disabled channel still answers (verification, late status reports).</summary>
    public static async ValueTask<ChannelInfo?> FindChannelAsync(this ChannelDirectory channels, string channelKey, ChannelType type,
        bool evenDisabled, CancellationToken cancellationToken) =>
        await channels.FindAsync(channelKey, cancellationToken) is { } channel && channel.Type == type && (evenDisabled || channel.IsEnabled)
            ? channel
            : null;

    /// <summary>The 404 a webhook answers for a key that names no (enabled) channel of its type.</summary>
    public static ProblemHttpResult UnknownChannel(ChannelType type, string channelKey) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown channel",
            detail: $"No enabled {type} channel has the key '{channelKey}'.");
}
