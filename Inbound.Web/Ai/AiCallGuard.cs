using System.ClientModel;
using System.Diagnostics;
using System.Threading.RateLimiting;
using Inbound.Web.Diagnostics;
using Microsoft.Extensions.AI;

namespace Inbound.Web.Ai;

/// <summary>
/// What every model call passes through, chat or embeddings: the calls-per-minute limit, the timeout, and metering
/// (a log line with latency and token counts, and the <c>inbound.ai.*</c> instruments of the "Inbound" meter).
/// Failures leave as <see cref="AiUnavailableException"/> so callers handle one exception type.
/// </summary>
public sealed class AiCallGuard(AiOptions options, ILogger logger) : IDisposable
{
    // A fixed window per minute: the limit an admin reads as "calls per minute". A call over the limit fails at once
    // instead of queueing, so a burst of contacts never piles up behind the model service.
    private readonly RateLimiter _limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
    {
        PermitLimit = options.CallsPerMinute,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    });

    public AiOptions Options { get; } = options;

    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, Func<T, UsageDetails?> usage, CancellationToken cancellationToken)
    {
        using var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            Record(operation, "rate_limited", 0, null);
            throw new AiUnavailableException(AiFailure.RateLimited, $"The AI limit of {Options.CallsPerMinute} calls per minute is used up.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Options.TimeoutSeconds));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call(timeout.Token);
            var details = usage(result);
            var latency = InboundMetrics.Since(started);
            Record(operation, "ok", latency, details);
            logger.LogInformation("AI {Operation} with {Model} took {LatencyMs:F0} ms: {InputTokens} input tokens, {OutputTokens} output tokens",
                operation, ModelOf(operation), latency, details?.InputTokenCount ?? 0, details?.OutputTokenCount ?? 0);
            return result;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Failed(operation, started, AiFailure.Timeout, $"The AI service did not answer within {Options.TimeoutSeconds} s.", null);
        }
        catch (ClientResultException e)
        {
            throw Failed(operation, started, AiFailure.ServiceError, $"The AI service answered with an error ({e.Status}).", e);
        }
        catch (HttpRequestException e)
        {
            throw Failed(operation, started, AiFailure.ServiceError, "The AI service could not be reached.", e);
        }
    }

    private AiUnavailableException Failed(string operation, long started, AiFailure failure, string message, Exception? inner)
    {
        var latency = InboundMetrics.Since(started);
        Record(operation, failure == AiFailure.Timeout ? "timeout" : "error", latency, null);
        logger.LogWarning(inner, "AI {Operation} with {Model} failed after {LatencyMs:F0} ms: {Reason}", operation, ModelOf(operation), latency, message);
        return new AiUnavailableException(failure, message, inner);
    }

    private string ModelOf(string operation) => operation == AiOperations.Embeddings ? Options.EmbeddingModel : Options.Model;

    private void Record(string operation, string outcome, double latency, UsageDetails? usage)
    {
        var tags = new TagList { { "operation", operation }, { "outcome", outcome }, { "model", ModelOf(operation) } };
        InboundMetrics.AiCalls.Add(1, tags);
        if (outcome != "rate_limited") InboundMetrics.AiCallDuration.Record(latency, tags);
        if (usage?.InputTokenCount is { } input) InboundMetrics.AiTokens.Add(input, new TagList { { "operation", operation }, { "direction", "input" } });
        if (usage?.OutputTokenCount is { } output) InboundMetrics.AiTokens.Add(output, new TagList { { "operation", operation }, { "direction", "output" } });
    }

    public void Dispose() => _limiter.Dispose();
}

public static class AiOperations
{
    public const string Chat = "chat";
    public const string Embeddings = "embeddings";
}
