using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inbound.Web.Ai;
using Inbound.Web.Diagnostics;
using Microsoft.Extensions.AI;

namespace Inbound.Tests.Ai;

/// <summary>What leaves the app for the model service, and what an operator sees of each call.</summary>
public sealed class AiClientTests(AiApp app) : IClassFixture<AiApp>, IDisposable
{
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private MeterListener? _listener;

    private AiClients Clients => app.Services.GetRequiredService<AiClients>();

    [Fact]
    public async Task Redaction_removes_the_email_and_the_phone_number_before_the_request_leaves()
    {
        app.Ai.Mode = FakeAiMode.Normal;
        var marker = Guid.NewGuid().ToString("N");

        await Clients.RequireChat().GetResponseAsync($"{marker} Please write to jane.doe@example.com or call +49 30 1234 5678 about my order.");

        var sent = app.Ai.ChatRequests.Single(r => r.Body.Contains(marker)).LastUserMessage;
        Assert.DoesNotContain("jane.doe@example.com", sent);
        Assert.DoesNotContain("1234 5678", sent);
        Assert.Contains("[email]", sent);
        Assert.Contains("[phone]", sent);
        Assert.Contains("about my order", sent);
    }

    [Fact]
    public async Task Redaction_applies_to_texts_sent_for_embedding_too()
    {
        app.Ai.Mode = FakeAiMode.Normal;
        var marker = Guid.NewGuid().ToString("N");

        await Clients.RequireEmbeddings().GenerateAsync([$"{marker} reach me at bob@example.org"]);

        var sent = app.Ai.EmbeddingRequests.Single(r => r.Body.Contains(marker)).Body;
        Assert.DoesNotContain("bob@example.org", sent);
        Assert.Contains("[email]", sent);
    }

    [Fact]
    public async Task Every_call_is_logged_and_metered_with_its_latency_and_token_counts()
    {
        app.Ai.Mode = FakeAiMode.Normal;
        Listen();
        var answer = await Clients.RequireChat().GetResponseAsync("one two three four");

        Assert.Equal("OK", answer.Text);
        Assert.Contains(_measurements, m => m.Instrument == "inbound.ai.duration" && (string?)m.Tags["outcome"] == "ok" && (string?)m.Tags["operation"] == "chat");
        // The fake counts words: four in the question, one in the answer.
        Assert.Contains(_measurements, m => m.Instrument == "inbound.ai.tokens" && (string?)m.Tags["direction"] == "input" && m.Value == 4);
        Assert.Contains(_measurements, m => m.Instrument == "inbound.ai.tokens" && (string?)m.Tags["direction"] == "output" && m.Value == 1);
        Assert.Contains(app.Log.Lines, l => l.Contains("AI chat with fake-chat took") && l.Contains("4 input tokens, 1 output tokens"));
    }

    [Fact]
    public async Task A_service_that_answers_500_fails_with_a_clear_service_error_at_once()
    {
        await using var failing = await FakeOpenAiServer.StartAsync();
        failing.Mode = FakeAiMode.Failing;

        var check = await Clients.TestAsync(new AiOptions { Enabled = true, BaseUrl = failing.BaseUrl, Model = "fake-chat", TimeoutSeconds = 30 });

        Assert.False(check.Succeeded);
        Assert.Contains("500", check.Detail);
        // No retries: one request, not the client's default four.
        Assert.Single(failing.ChatRequests);
    }

    [Fact]
    public async Task A_slow_service_fails_with_a_timeout_after_the_configured_seconds()
    {
        await using var slow = await FakeOpenAiServer.StartAsync();
        slow.Mode = FakeAiMode.Slow;
        Listen();

        var check = await Clients.TestAsync(new AiOptions { Enabled = true, BaseUrl = slow.BaseUrl, Model = "fake-chat", TimeoutSeconds = 1 });

        Assert.False(check.Succeeded);
        Assert.Contains("did not answer within 1 s", check.Detail);
        Assert.InRange(check.LatencyMs, 900, 15_000);
        Assert.Contains(_measurements, m => m.Instrument == "inbound.ai.calls" && (string?)m.Tags["outcome"] == "timeout");
    }

    [Fact]
    public async Task Test_connection_reports_the_models_answer()
    {
        app.Ai.Mode = FakeAiMode.Normal;
        var check = await Clients.TestAsync(new AiOptions { Enabled = true, BaseUrl = app.Ai.BaseUrl, Model = "fake-chat", EmbeddingModel = "fake-embed" });

        Assert.True(check.Succeeded, check.Detail);
        Assert.Equal("OK", check.Detail);
    }

    private void Listen()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InboundMetrics.MeterName && instrument.Name.StartsWith("inbound.ai.", StringComparison.Ordinal)) l.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        _listener.Start();
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags) result[tag.Key] = tag.Value;
        return result;
    }

    public void Dispose() => _listener?.Dispose();
}
