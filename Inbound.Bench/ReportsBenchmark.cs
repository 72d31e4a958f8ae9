using System.Diagnostics;
using System.Runtime.InteropServices;
using Inbound.Domain.Conversations;
using Inbound.Domain.Reports;
using Inbound.Web.Accounts;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Inbound.Web.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Inbound.Bench;

/// <summary>
/// dotnet run -c Release --project Inbound.Bench -- --reports [--conversations 1000000] [--messages-per 10] [--keep] [--data FILE]
/// With --data, the data set lives in FILE and is kept: generated there when FILE does not exist, reused (migrated to the
/// current schema, not regenerated) when it does, since generating 10,000,000 messages takes a quarter of an hour.
/// Generates 90 days of conversations (default 1,000,000 with 10 messages each) into a SQLite file with raw prepared
/// inserts in one transaction, with their report facts and buckets computed by the app's own contribution code, then
/// times the app's 90-day report (ReportQueries) in UTC and in Berlin.
/// </summary>
public static class ReportsBenchmark
{
    private const int Days = 90;
    private static readonly string[] Categories = ["Resolved", "Billing question", "Bug report", "Sales lead", "Spam", "Feature request"];

    public static async Task RunAndPrintAsync(string[] args)
    {
        var conversations = IntArg(args, "--conversations", 1_000_000);
        var messagesPer = IntArg(args, "--messages-per", 10);
        var dataFile = StringArg(args, "--data");
        var reuse = dataFile is not null && File.Exists(dataFile);
        var folder = dataFile is null ? Path.Combine(Path.GetTempPath(), "inbound-bench", "reports-" + Guid.NewGuid().ToString("N")) : Path.GetDirectoryName(Path.GetFullPath(dataFile))!;
        Directory.CreateDirectory(folder);
        var file = dataFile is null ? $"{folder}/reports.db" : Path.GetFullPath(dataFile);
        var connectionString = $"Data Source={file}";
        Console.WriteLine($"Inbound reports benchmark · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {RuntimeInformation.OSDescription}");
        Console.WriteLine($"{conversations:N0} conversations, {conversations * (long)messagesPer:N0} messages over {Days} days → {file}");
        try
        {
            var options = new DbContextOptionsBuilder<InboundDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()).Options;
            await using (var db = new InboundDbContext(options)) await db.Database.MigrateAsync();

            var clock = Stopwatch.StartNew();
            DateTime end;
            if (reuse)
            {
                end = await ReusedEndAsync(connectionString);
                Console.WriteLine($"reused the data set generated up to {end:yyyy-MM-dd}");
            }
            else
            {
                end = DateTime.UtcNow.Date;
                var (facts, buckets) = await GenerateAsync(connectionString, conversations, messagesPer, end.AddDays(-Days));
                Console.WriteLine($"generated and stored in {clock.Elapsed.TotalSeconds:N0} s: {facts:N0} facts, {buckets:N0} buckets");
            }

            var factory = new PooledDbContextFactory<InboundDbContext>(options);
            var queries = new ReportQueries(factory);
            var admin = new InboxViewer("bench", Guid.NewGuid(), "Bench", Roles.Admin, new HashSet<Guid>());
            foreach (var zone in new[] { "UTC", "Europe/Berlin" })
            {
                var period = new ReportPeriod(DateOnly.FromDateTime(end.AddDays(-Days)), DateOnly.FromDateTime(end.AddDays(-1)), TimeZoneInfo.FindSystemTimeZoneById(zone));
                var first = await queries.BuildAsync(admin, period, null);
                var times = new List<double>();
                for (var run = 0; run < 7; run++)
                {
                    var timer = Stopwatch.StartNew();
                    await queries.BuildAsync(admin, period, null);
                    times.Add(timer.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine($"90-day report, {zone,-13}  median {times[times.Count / 2],7:N1} ms   max {times[^1],7:N1} ms   " +
                    $"(opened {first!.Totals.Opened:N0}, closed {first.Totals.Closed:N0}, first response median {first.Totals.FirstResponse.Median}, p90 {first.Totals.FirstResponse.P90})");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (dataFile is null && !args.Contains("--keep")) try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(int Facts, int Buckets)> GenerateAsync(string connectionString, int count, int messagesPer, DateTime start)
    {
        var random = new Random(12);
        await using var connection = new SqliteConnection(connectionString);
        ThaiCollation.Register(connection);
        await connection.OpenAsync();
        await Exec(connection, SqlitePragmas.Sql + "PRAGMA cache_size=-200000;");
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();

        var channels = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var teams = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var agents = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();
        var workflows = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var contacts = Math.Max(1, count * 35 / 100);
        for (var i = 0; i < channels.Length; i++)
            await Exec(connection, $"INSERT INTO Channels (Id, Key, Name, Type, Secret, IsEnabled, Settings) VALUES ('{Id(channels[i])}', 'ch{i}', 'Channel {i}', 'Api', 's', 1, '{{}}')", tx);
        for (var i = 0; i < teams.Length; i++)
            await Exec(connection, $"INSERT INTO Teams (Id, Name, BusinessHoursJson, TimeZone) VALUES ('{Id(teams[i])}', 'Team {i}', '[]', 'UTC')", tx);
        for (var i = 0; i < agents.Length; i++)
            await Exec(connection, $"INSERT INTO Agents (Id, Name, Email, Availability, Capacity, LastAssignmentTicket, SkillsJson) VALUES ('{Id(agents[i])}', 'Agent {i}', 'a{i}@bench', 'Offline', 5, 0, '[]')", tx);

        var contactIds = new Guid[contacts];
        await using (var insert = Prepare(connection, tx, "INSERT INTO Contacts (Id, Name, CreatedAt, FieldsJson, TagsJson, IsAnonymous) VALUES ($1, $2, $3, '{}', '[]', 0)", 3))
            for (var i = 0; i < contacts; i++)
            {
                contactIds[i] = Guid.NewGuid();
                await Run(insert, Id(contactIds[i]), $"Contact {i}", Time(start));
            }

        var conversation = Prepare(connection, tx,
            "INSERT INTO Conversations (Id, ContactId, ChannelId, Status, Source, TeamId, AssigneeId, OpenedAt, AssignedAt, FirstResponseAt, ClosedAt, LastActivityAt, ClosingCategory, ClosingSummary, ClosedById, Sequence) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1)", 15);
        var message = Prepare(connection, tx,
            "INSERT INTO Messages (Id, ConversationId, ChannelId, Direction, AuthorKind, AuthorId, Body, DeliveryStatus, CreatedAt) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", 9);
        var fact = Prepare(connection, tx,
            "INSERT INTO ConversationFacts (ConversationId, ContactId, TeamId, AgentId, ChannelId, WorkflowId, Source, OpenedAt, AssignedAt, FirstResponseAt, ClosedAt, ClosingCategory, Reopened, Outcome) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)", 14);

        var sums = new Dictionary<BucketKey, Sum>();
        var lastClosed = new DateTime?[contacts];
        // Opened in time order, so that "reopened within a day" follows each contact's previous conversation.
        var opened = Enumerable.Range(0, count).Select(_ => Busy(random, start)).Order().ToArray();
        for (var i = 0; i < count; i++)
        {
            var contact = i % contacts;
            var teamIndex = random.Next(teams.Length);
            var f = new ConversationFact
            {
                ConversationId = Guid.CreateVersion7(),
                ContactId = contactIds[contact],
                TeamId = teams[teamIndex],
                ChannelId = channels[random.Next(channels.Length)],
                Source = random.NextDouble() switch { < 0.85 => ConversationSource.Contact, < 0.95 => ConversationSource.Api, _ => ConversationSource.User },
                OpenedAt = opened[i],
            };
            f.WorkflowId = random.NextDouble() < 0.8 ? workflows[random.Next(workflows.Length)] : null;
            f.Outcome = f.WorkflowId is null ? null : random.NextDouble() switch
            {
                < 0.70 => WorkflowOutcome.Assigned, < 0.85 => WorkflowOutcome.Queued, < 0.95 => WorkflowOutcome.NobodyAvailable, _ => WorkflowOutcome.QuestionTimedOut,
            };
            if (random.NextDouble() < 0.92)
            {
                f.AgentId = agents[teamIndex * 8 + random.Next(8)];
                f.AssignedAt = f.OpenedAt + Exponential(random, TimeSpan.FromMinutes(3));
                f.FirstResponseAt = f.AssignedAt + Exponential(random, TimeSpan.FromMinutes(5));
            }
            // The newest conversation of some contacts is still open: a contact has at most one.
            var stillOpen = i >= count - contacts && random.NextDouble() < 0.05;
            if (!stillOpen)
            {
                f.ClosedAt = (f.FirstResponseAt ?? f.OpenedAt) + Exponential(random, TimeSpan.FromHours(2));
                f.ClosingCategory = Categories[random.Next(Categories.Length)];
            }
            f.Reopened = lastClosed[contact] is { } previous && previous <= f.OpenedAt && f.OpenedAt - previous < TimeSpan.FromDays(1);
            if (f.ClosedAt is { } c) lastClosed[contact] = c;

            await Run(conversation, Id(f.ConversationId), Id(f.ContactId), Id(f.ChannelId), stillOpen ? "Open" : "Closed", f.Source.ToString(), Id(f.TeamId), Id(f.AgentId),
                Time(f.OpenedAt), Time(f.AssignedAt), Time(f.FirstResponseAt), Time(f.ClosedAt), Time(f.ClosedAt ?? f.OpenedAt), f.ClosingCategory,
                f.ClosedAt is null ? null : "Done", f.ClosedAt is null ? null : Id(f.AgentId));
            var at = f.OpenedAt;
            for (var m = 0; m < messagesPer; m++)
            {
                var inbound = m % 2 == 0;
                await Run(message, Id(Guid.CreateVersion7()), Id(f.ConversationId), Id(f.ChannelId), inbound ? "Inbound" : "Outbound", inbound ? "Contact" : "Agent",
                    inbound ? null : Id(f.AgentId), inbound ? "Hello, I have a question about my order" : "Thanks, let me check that for you", inbound ? "Received" : "Delivered", Time(at));
                at = at.AddSeconds(30);
            }
            await Run(fact, Id(f.ConversationId), Id(f.ContactId), Id(f.TeamId), Id(f.AgentId), Id(f.ChannelId), Id(f.WorkflowId), f.Source.ToString(), Time(f.OpenedAt),
                Time(f.AssignedAt), Time(f.FirstResponseAt), Time(f.ClosedAt), f.ClosingCategory, f.Reopened ? 1 : 0, f.Outcome?.ToString());

            var deltas = new Dictionary<BucketKey, BucketDelta>();
            ReportContributions.Add(deltas, f, +1);
            foreach (var (key, delta) in deltas)
            {
                if (!sums.TryGetValue(key, out var sum)) sums[key] = sum = new Sum();
                sum.Add(delta);
            }
        }

        await using (var bucket = Prepare(connection, tx,
            "INSERT INTO ReportBuckets (Grain, Start, TeamId, Dimension, Key, Opened, Closed, Reopened, Assigned, Queued, NobodyAvailable, QuestionTimedOut, FirstResponse, Assignment, Resolution) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)", 15))
            foreach (var (key, s) in sums)
                await Run(bucket, (int)key.Grain, Time(key.Start), Id(key.TeamId), (int)key.Dimension, key.Key, s.Opened, s.Closed, s.Reopened,
                    s.Outcomes[0], s.Outcomes[1], s.Outcomes[2], s.Outcomes[3], s.Histograms[0].ToBytes(), s.Histograms[1].ToBytes(), s.Histograms[2].ToBytes());
        await conversation.DisposeAsync();
        await message.DisposeAsync();
        await fact.DisposeAsync();
        await tx.CommitAsync();
        await Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return (count, sums.Count);
    }

    /// <summary>More conversations on weekdays and in working hours, as a support desk sees them.</summary>
    private static DateTime Busy(Random random, DateTime start)
    {
        while (true)
        {
            var at = start.AddSeconds(random.NextDouble() * Days * 86_400);
            var weight = (at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.3 : 1.0) * (at.Hour is >= 7 and < 19 ? 1.0 : 0.25);
            if (random.NextDouble() < weight) return new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }
    }

    private static TimeSpan Exponential(Random random, TimeSpan mean) => TimeSpan.FromSeconds(Math.Round(-Math.Log(1 - random.NextDouble()) * mean.TotalSeconds));

    private sealed class Sum
    {
        public int Opened, Closed, Reopened;
        public readonly int[] Outcomes = new int[4];
        public readonly DurationHistogram[] Histograms = [new(), new(), new()];

        public void Add(BucketDelta delta)
        {
            Opened += delta.Opened;
            Closed += delta.Closed;
            Reopened += delta.Reopened;
            foreach (var outcome in Enum.GetValues<WorkflowOutcome>()) Outcomes[(int)outcome] += delta.Outcome(outcome);
            foreach (var metric in Enum.GetValues<DurationMetric>())
                foreach (var (duration, times) in delta.Durations(metric)) Histograms[(int)metric].Add(duration, times);
        }
    }

    // As EF Core writes them, so that the app reads and compares the generated rows like its own.
    private static string? Id(Guid? id) => id?.ToString().ToUpperInvariant();
    private static string? Time(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++) command.Parameters.Add(new SqliteParameter($"${i}", null));
        command.Prepare();
        return command;
    }

    private static Task Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        // Synchronous: Microsoft.Data.Sqlite's async calls run synchronously anyway, with a task's overhead per row.
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    private static async Task Exec(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The day after the last opening: the end the reused data set was generated for (closings run past it).</summary>
    private static async Task<DateTime> ReusedEndAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        ThaiCollation.Register(connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(OpenedAt) FROM ConversationFacts";
        var last = DateTime.Parse((string)(await command.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        return DateTime.SpecifyKind(last.Date.AddDays(1), DateTimeKind.Utc);
    }

    private static string? StringArg(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
