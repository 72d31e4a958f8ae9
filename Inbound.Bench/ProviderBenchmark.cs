using System.Runtime.InteropServices;

namespace Inbound.Bench;

/// <summary>
/// --providers: one node on SQLite beside one node on PostgreSQL, measured in the same run on the same machine: the raw
/// ceiling of each engine (the same rows by the plain driver), ingestion end-to-end over HTTP, and a new contact's first
/// message → assigned; and, with Redis (--redis host:port or INBOUND_TEST_REDIS), two nodes on one PostgreSQL database
/// and that Redis. PostgreSQL comes from --postgres "connection string" or INBOUND_TEST_POSTGRES (as
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
        var redis = args.SkipWhile(a => a != "--redis").Skip(1).FirstOrDefault() ?? Environment.GetEnvironmentVariable("INBOUND_TEST_REDIS");
        Console.WriteLine($"Inbound provider benchmark · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {RuntimeInformation.OSDescription}");
        Console.WriteLine($"{options.Messages} messages ({options.Senders} concurrent senders, {options.PerContact} per contact); {options.Conversations} new contacts for first message → assigned");
        Console.WriteLine();

        var rawSqlite = await RawSqliteCeiling.RunAsync(options.Messages, options.PerContact);
        var rawNpgsql = await RawNpgsqlCeiling.RunAsync(server, options.Messages, options.PerContact);

        var rows = new List<(string Name, IngestionBenchmark.Result Ingest, AssignmentBenchmark.Result Assign, double Raw)>();
        var setups = new List<(string Name, string? PostgreSql, int Nodes, double Raw)>
        {
            ("1 node, SQLite", null, 1, rawSqlite.PerSecond),
            ("1 node, PostgreSQL", server, 1, rawNpgsql.PerSecond),
        };
        if (redis is not null) setups.Add(("2 nodes, PostgreSQL + Redis", server, 2, rawNpgsql.PerSecond));
        else Console.WriteLine("No Redis (--redis or INBOUND_TEST_REDIS): the two-node row is left out.");
        BenchCluster.Redis = redis;
        foreach (var (name, postgreSql, nodes, raw) in setups)
        {
            BenchApp.PostgreSqlServer = postgreSql;
            BenchCluster.Nodes = nodes;
            var ingest = await IngestionBenchmark.RunAsync(options.Messages, options.Senders, options.PerContact);
            var assign = await AssignmentBenchmark.RunAsync(options.Conversations, options.Senders);
            rows.Add((name, ingest, assign, raw));
        }
        BenchApp.PostgreSqlServer = null;
        BenchCluster.Nodes = 1;

        Console.WriteLine("| setup | raw driver, 1 tx/message | ingestion (HTTP) | ingestion p99 | first message → assigned | p50 | p99 | paced p99 (acknowledged → assigned) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, ingest, assign, raw) in rows)
            Console.WriteLine($"| {name} | {raw:N0} msg/s | {ingest.PerSecond:N0} msg/s | {ingest.P99:N1} ms | {assign.AssignedPerSecond:N0} conv/s | " +
                $"{assign.FirstMessageToAssignedP50:N1} ms | {assign.FirstMessageToAssignedP99:N1} ms | {assign.PacedAddedP99:N1} ms |");
    }
}
