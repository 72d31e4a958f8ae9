using System.Runtime.InteropServices;

namespace Inbound.Bench;

/// <summary>
/// dotnet run -c Release --project Inbound.Bench [-- --messages 20000 --senders 64 --per-contact 10]
/// --providers compares one node on SQLite with one on PostgreSQL (see ProviderBenchmark); --reports times the 90-day report over 1,000,000 generated conversations (see ReportsBenchmark); --outbox measures outbound delivery through the outbox (see OutboxBenchmark); --inbox-only runs the inbox scenario alone; --pages measures real Chromium pages (see PageLatencyBenchmark); --single-sender times requests one at a time; --stages adds the app's
/// stage histograms (queue waits, reads, transactions) to the inbox scenario.
/// </summary>
public static class BenchMain
{
    public static async Task Main(string[] args)
    {
        if (args.Contains("--reports"))
        {
            await ReportsBenchmark.RunAndPrintAsync(args);
            return;
        }
        if (args.Contains("--providers"))
        {
            await ProviderBenchmark.RunAndPrintAsync(args);
            return;
        }
        if (args.Contains("--outbox"))
        {
            await OutboxBenchmark.RunAndPrintAsync(args);
            return;
        }
        if (args.Contains("--single-sender"))
        {
            await SingleSenderBenchmark.RunAndPrintAsync();
            return;
        }
        if (args.Contains("--pages"))
        {
            await PageLatencyBenchmark.RunAndPrintAsync(args);
            return;
        }
        if (args.Contains("--inbox-only"))
        {
            await InboxLatencyBenchmark.RunAndPrintAsync(args);
            return;
        }
        var options = BenchOptions.Parse(args);
        Console.WriteLine($"Inbound benchmark · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {RuntimeInformation.OSDescription}");
        Console.WriteLine($"{options.Messages} messages, {options.Senders} concurrent senders, {options.PerContact} messages per contact");
        Console.WriteLine();

        var raw = await RawSqliteCeiling.RunAsync(options.Messages, options.PerContact);
        Console.WriteLine($"raw SQLite ceiling (1 tx/message)   {raw.PerSecond,10:N0} msg/s");

        var ingest = await IngestionBenchmark.RunAsync(options.Messages, options.Senders, options.PerContact);
        Console.WriteLine($"ingestion end-to-end (HTTP)         {ingest.PerSecond,10:N0} msg/s   p50 {ingest.P50:N2} ms   p99 {ingest.P99:N2} ms");
        Console.WriteLine($"ingestion / raw ceiling             {ingest.PerSecond / raw.PerSecond,10:P0}");
        var writer = await WriterOnlyBenchmark.RunAsync(options.Messages, options.Senders, options.PerContact);
        Console.WriteLine($"ingestion writer alone (no HTTP)    {writer,10:N0} msg/s   ({writer / raw.PerSecond:P0} of raw)");

        using var stages = args.Contains("--stages") ? new StageMeter() : null;
        var assign = await AssignmentBenchmark.RunAsync(options.Conversations, options.Senders, stages);
        Console.WriteLine();
        Console.WriteLine($"{assign.Conversations} new contacts, a workflow that assigns straight away");
        Console.WriteLine($"first messages, no workflow (mean)  {assign.IngestOnlyPerSecond,10:N0} conv/s   p99 {assign.IngestOnlyP99:N2} ms");
        Console.WriteLine($"first message → assigned            {assign.AssignedPerSecond,10:N0} conv/s   p50 {assign.FirstMessageToAssignedP50:N2} ms   p99 {assign.FirstMessageToAssignedP99:N2} ms");
        Console.WriteLine($"assigned / ingestion alone          {assign.AssignedPerSecond / assign.IngestOnlyPerSecond,10:P0}");
        Console.WriteLine($"ingestion p99 with the engine on    {assign.IngestWithEngineP99,10:N2} ms");
        Console.WriteLine($"p99 from acknowledged to assigned   {assign.AddedByAssignmentP99,10:N2} ms");
        Console.WriteLine($"paced at {assign.PacedPerSecond:N0} conv/s ({assign.PacedConversations}):  acknowledged → assigned p50 {assign.PacedAddedP50:N2} ms   p99 {assign.PacedAddedP99:N2} ms");
        stages?.Print("ms, paced phase");
        stages?.Dispose();

        await InboxLatencyBenchmark.RunAndPrintAsync(args);
    }
}
