using System.Diagnostics;

namespace Inbound.Bench;

/// <summary>
/// End-to-end ingestion: many concurrent senders post signed messages over loopback HTTP to the real endpoint
/// (signature check, validation, idempotency lookup, contact and conversation resolution, SQLite commit).
/// </summary>
public static class IngestionBenchmark
{
    public sealed record Result(int Messages, double Seconds, double PerSecond, double P50, double P99);

    public static async Task<Result> RunAsync(int messages, int senders, int messagesPerContact, StageMeter? stages = null)
    {
        // Ingestion alone: no workflow reacts to the conversations it opens (the engine has its own benchmark).
        await using var app = BenchCluster.Start(new Dictionary<string, string?> { ["Seed:DemoWorkflow"] = "false" });
        var sender = app.Sender;
        var run = Guid.NewGuid().ToString("N")[..8];

        // Warm-up: JIT, connection pool, SQLite caches.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => sender.SendAsync($"warm-{run}-{i}", $"warm-{run}-{i % 20}", "warm up")));

        stages?.Reset();
        var latencies = new LatencyRecorder(messages);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var start = Stopwatch.GetTimestamp();
                await sender.SendAsync($"{run}-m{i}", $"{run}-c{i / messagesPerContact}", $"Message number {i} from a contact");
                latencies.Record(start);
            }
        }));
        clock.Stop();
        return new Result(messages, clock.Elapsed.TotalSeconds, messages / clock.Elapsed.TotalSeconds, latencies.Percentile(50), latencies.Percentile(99));
    }
}
