using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using Inbound.Web.Diagnostics;
using Inbound.Web.ScaleOut;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Inbound.Web.Ai;

/// <summary>The outcome of "Test connection": what the service answered, or why it did not.</summary>
public sealed record AiConnectionCheck(bool Succeeded, string Detail, double LatencyMs);

/// <summary>
/// The one way into the model service for the rest of the app. <see cref="Chat"/> and <see cref="Embeddings"/> are null
/// while AI is off; both are rebuilt when the settings change. Each is the OpenAI-compatible client wrapped in the
/// pipeline every call goes through: redaction, the calls-per-minute limit, the timeout and metering
/// (<see cref="AiCallGuard"/>), and OpenTelemetry's gen_ai traces.
/// </summary>
public sealed class AiClients : IDisposable
{
    private const string Topic = "ai-settings";

    private readonly AiSettingsStore store;
    private readonly ILoggerFactory loggerFactory;
    private readonly NodeBus? nodes;
    private readonly ILogger _logger;
    private Pipeline? _current;

    public AiClients(AiSettingsStore store, ILoggerFactory loggerFactory, NodeBus? nodes = null)
    {
        this.store = store;
        this.loggerFactory = loggerFactory;
        this.nodes = nodes is { ReachesOtherNodes: true } ? nodes : null;
        _logger = loggerFactory.CreateLogger<AiClients>();
        // An admin saved the settings on another node: read them again here. Lives as long as the app.
        this.nodes?.Subscribe(Topic, saved => _ = ReloadQuietlyAsync());
    }

    private sealed record Pipeline(AiOptions Settings, IChatClient Chat, IEmbeddingGenerator<string, Embedding<float>>? Embeddings, AiCallGuard Guard);

    public bool IsEnabled => _current is not null;

    /// <summary>The chat client, or null while AI is off.</summary>
    public IChatClient? Chat => _current?.Chat;

    /// <summary>The embedding generator, or null while AI is off or no embedding model is set.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings => _current?.Embeddings;

    /// <summary>The chat client, or an <see cref="AiUnavailableException"/> that callers handle like any other failure.</summary>
    public IChatClient RequireChat() => Chat ?? throw new AiUnavailableException(AiFailure.Off, "AI is switched off.");

    public IEmbeddingGenerator<string, Embedding<float>> RequireEmbeddings() =>
        Embeddings ?? throw new AiUnavailableException(AiFailure.Off, "AI is switched off or has no embedding model.");

    /// <summary>Reads the settings in force and rebuilds the clients (at start, and after an admin saved).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var settings = await store.LoadAsync(cancellationToken);
        // Calls in flight keep the pipeline they started with; its limiter is left to them rather than disposed under them.
        Interlocked.Exchange(ref _current, settings.IsUsable ? Build(settings) : null);
        _logger.LogInformation("AI is {State}", settings.IsUsable ? $"on ({settings.BaseUrl}, {settings.Model})" : "off");
    }

    /// <summary>After an admin saved: rebuild the clients here and tell every other node to do the same.</summary>
    public async Task SettingsSavedAsync(CancellationToken cancellationToken = default)
    {
        await ReloadAsync(cancellationToken);
        nodes?.Publish(Topic, "saved");
    }

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await ReloadAsync();
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Could not reload the AI settings another node saved");
        }
    }

    /// <summary>One small chat call (and an embedding when a model is set) with the given settings, saved or not.</summary>
    public async Task<AiConnectionCheck> TestAsync(AiOptions settings, CancellationToken cancellationToken = default)
    {
        if (!settings.IsUsable) return new AiConnectionCheck(false, "AI is switched off or its base URL or model is missing.", 0);
        var pipeline = Build(settings);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await pipeline.Chat.GetResponseAsync("Reply with the single word OK.", cancellationToken: cancellationToken);
            if (pipeline.Embeddings is not null) await pipeline.Embeddings.GenerateAsync(["connection test"], cancellationToken: cancellationToken);
            return new AiConnectionCheck(true, answer.Text.Trim(), InboundMetrics.Since(started));
        }
        catch (AiUnavailableException e)
        {
            return new AiConnectionCheck(false, e.Message, InboundMetrics.Since(started));
        }
        finally
        {
            pipeline.Guard.Dispose();
        }
    }

    private Pipeline Build(AiOptions settings)
    {
        var openAi = new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(settings.ApiKey) ? "unused" : settings.ApiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.BaseUrl),
            // The guard owns the time budget; the client's own retries would multiply it behind a failing service.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds + 5),
        });
        var guard = new AiCallGuard(settings, loggerFactory.CreateLogger<AiCallGuard>());
        var chat = new ChatClientBuilder(openAi.GetChatClient(settings.Model).AsIChatClient())
            .Use(inner => new GuardedChatClient(inner, guard))
            .UseOpenTelemetry(loggerFactory, InboundMetrics.MeterName)
            .Build();
        var embeddings = string.IsNullOrWhiteSpace(settings.EmbeddingModel) ? null
            : new EmbeddingGeneratorBuilder<string, Embedding<float>>(openAi.GetEmbeddingClient(settings.EmbeddingModel).AsIEmbeddingGenerator())
                .Use(inner => new GuardedEmbeddingGenerator(inner, guard))
                .UseOpenTelemetry(loggerFactory, InboundMetrics.MeterName)
                .Build();
        return new Pipeline(settings, chat, embeddings, guard);
    }

    public void Dispose() => _current?.Guard.Dispose();
}
