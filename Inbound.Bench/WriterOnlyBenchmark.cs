using System.Diagnostics;
using Inbound.Web.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Bench;

/// <summary>
/// The ingestion writer alone: the same messages handed straight to the node's queue, without HTTP, signature or
/// JSON, so that the run shows how the end-to-end time splits between the web path and the database path.
/// </summary>
public static class WriterOnlyBenchmark
{
    public static async Task<double> RunAsync(int messages, int senders, int messagesPerContact)
    {
        await using var app = BenchApp.Start(new Dictionary<string, string?> { ["Seed:DemoWorkflow"] = "false" });
        var queue = app.Services.GetRequiredService<IngestionQueue>();
        var channel = (await app.Services.GetRequiredService<ChannelDirectory>().FindAsync("api", default))!;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
                await queue.SubmitAsync(new IncomingMessage(channel.Id, $"w{i}", $"c{i / messagesPerContact}", $"c{i / messagesPerContact}", null, null, $"Message number {i} from a contact"), default);
        }));
        return messages / clock.Elapsed.TotalSeconds;
    }
}
