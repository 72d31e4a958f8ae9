using Microsoft.Extensions.Logging;

namespace Inbound.Tests.Ai;

/// <summary>
/// The app without the demo workflow, with AI switched on against its own <see cref="FakeOpenAiServer"/>, a short
/// timeout (the slow mode's tests wait for it) and a capture of the AI log lines.
/// </summary>
public class AiApp : InboundApp
{
    public const int TimeoutSeconds = 2;

    public FakeOpenAiServer Ai { get; private set; } = null!;

    public CapturedLog Log { get; } = new();

    public AiApp()
    {
        With("Seed:DemoWorkflow", "false");
        With("Ai:Enabled", "true");
        With("Ai:Model", "fake-chat");
        With("Ai:EmbeddingModel", "fake-embed");
        With("Ai:ApiKey", "sk-test");
        With("Ai:TimeoutSeconds", TimeoutSeconds.ToString());
        With("Logging:LogLevel:Inbound.Web.Ai", "Information");
        WithServices(s => s.AddSingleton<ILoggerProvider>(Log));
    }

    public override async Task InitializeAsync()
    {
        Ai = await FakeOpenAiServer.StartAsync();
        With("Ai:BaseUrl", Ai.BaseUrl);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Ai is not null) await Ai.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The log lines the app wrote, for tests that check what an operator would read.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
    }
}
