namespace Inbound.Bench;

/// <summary>
/// One request at a time over HTTP, nothing else running: the latency of a single ingestion request with no queue in
/// front of it, split into the app's stages. What a message costs when the node is not busy.
/// </summary>
public static class SingleSenderBenchmark
{
    public static async Task RunAndPrintAsync(int messages = 3000)
    {
        using var stages = new StageMeter();
        var result = await IngestionBenchmark.RunAsync(messages, senders: 1, messagesPerContact: 10, stages);
        Console.WriteLine($"one sender, {messages} messages: {result.PerSecond:N0} msg/s   p50 {result.P50:N2} ms   p99 {result.P99:N2} ms");
        stages.Print("ms, one request at a time");
    }
}
