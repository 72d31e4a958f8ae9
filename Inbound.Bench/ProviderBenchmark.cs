using System.Runtime.InteropServices;

namespace Inbound.Bench;

/// <summary>
/// --providers: one node on SQLite beside one node on PostgreSQL, measured in the same run on the same machine: the raw
/// ceiling of each engine (the same rows by the plain driver), ingestion end-to-end over HTTP, and a new contact's first
/// message → assigned. PostgreSQL comes from --postgres "connection string" or INBOUND_TEST_POSTGRES (as
/// scripts/test-services.sh starts one); its role must be allowed to create databases.
/// </summary>
public static class ProviderBenchmark
{
    public static async Task RunAndPrintAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var server = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault()
            ?? Environment.GetEnvironmentVariable("INBOUND_TEST_POSTGRES")
            ?? throw new InvalidOperationException("--providers needs --postgres \"Host=…;Username=…\" or INBOUND_TEST_POSTGRES.");
        Console.WriteLine($"Inbound provider benchmark · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {RuntimeInformation.OSDescription}");
        Console.WriteLine($"{options.Messages} messages ({options.Senders} concurrent senders, {options.PerContact} per contact); {options.Conversations} new contacts for first message → assigned");
        Console.WriteLine();

        var rawSqlite = await RawSqliteCeiling.RunAsync(options.Messages, options.PerContact);
        var rawNpgsql = await RawNpgsqlCeiling.RunAsync(server, options.Messages, options.PerContact);

        var rows = new List<(string Name, IngestionBenchmark.Result Ingest, AssignmentBenchmark.Result Assign, double Raw)>();
        foreach (var (name, postgreSql, raw) in new[] { ("1 node, SQLite", (string?)null, rawSqlite.PerSecond), ("1 node, PostgreSQL", server, rawNpgsql.PerSecond) })
        {
            BenchApp.PostgreSqlServer = postgreSql;
            var ingest = await IngestionBenchmark.RunAsync(options.Messages, options.Senders, options.PerContact);
            var assign = await AssignmentBenchmark.RunAsync(options.Conversations, options.Senders);
            rows.Add((name, ingest, assign, raw));
        }
        BenchApp.PostgreSqlServer = null;

        Console.WriteLine("| setup | raw driver, 1 tx/message | ingestion (HTTP) | ingestion p99 | first message → assigned | p50 | p99 | paced p99 (acknowledged → assigned) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, ingest, assign, raw) in rows)
            Console.WriteLine($"| {name} | {raw:N0} msg/s | {ingest.PerSecond:N0} msg/s | {ingest.P99:N1} ms | {assign.AssignedPerSecond:N0} conv/s | " +
                $"{assign.FirstMessageToAssignedP50:N1} ms | {assign.FirstMessageToAssignedP99:N1} ms | {assign.PacedAddedP99:N1} ms |");
    }
}
