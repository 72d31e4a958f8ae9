using System.Collections.Concurrent;
using System.Diagnostics;
using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.Workflows;
using Inbound.Web.Data;
using Inbound.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Bench;

/// <summary>
/// From a new contact's first message to an assigned agent: many contacts write at once over loopback HTTP, a published
/// workflow assigns each new conversation straight away (round robin, online only, within capacity) to agents with
/// room. The same load is first sent with no workflow, so that the engine's cost reads as a ratio to raw ingestion
/// measured in the same run (before and after, averaged, since other work on the machine moves both). A second,
/// paced phase sends at a steady rate below saturation, where the delay assignment adds is the engine's own and not
/// the length of a queue.
/// </summary>
public static class AssignmentBenchmark
{
    public sealed record Result(int Conversations, double IngestOnlyPerSecond, double IngestOnlyP99,
        double AssignedPerSecond, double IngestWithEngineP99, double FirstMessageToAssignedP50, double FirstMessageToAssignedP99, double AddedByAssignmentP99,
        int PacedConversations, double PacedPerSecond, double PacedAddedP50, double PacedAddedP99);

    private const int Warmup = 200;
    private const int Paced = 1000;

    /// <param name="stages">When given, records the app's stages during the paced phase only.</param>
    public static async Task<Result> RunAsync(int conversations, int senders, StageMeter? stages = null)
    {
        var (ingestOnlyBefore, ingestOnly) = await IngestOnlyAsync(conversations, senders);

        var assigned = new AssignedClock();
        // One clock for every node: whichever node assigns a conversation stamps it.
        await using var app = BenchCluster.Start(
            new Dictionary<string, string?> { ["Seed:DemoWorkflow"] = "false" },
            services => services.AddSingleton<IDomainEventHandler<ConversationAssigned>>(assigned));
        await PrepareAsync(app.Services, conversations + Warmup + Paced);
        var sender = app.Sender;
        var run = Guid.NewGuid().ToString("N")[..8];

        assigned.Expect(Warmup);
        await SendNewContactsAsync(sender, $"warm-{run}", Warmup, senders, null);
        await assigned.AllAsync();

        assigned.Expect(conversations);
        var ingest = new LatencyRecorder(conversations);
        var sentAt = new ConcurrentDictionary<Guid, (long Start, long Acknowledged)>();
        var clock = Stopwatch.StartNew();
        await SendNewContactsAsync(sender, run, conversations, senders, (conversationId, start) =>
        {
            sentAt[conversationId] = (start, Stopwatch.GetTimestamp());
            ingest.Record(start);
        });
        await assigned.AllAsync();
        clock.Stop();

        var toAssigned = new List<double>(conversations);
        var added = new List<double>(conversations);
        foreach (var (conversationId, (start, acknowledged)) in sentAt)
        {
            var at = assigned.At(conversationId);
            toAssigned.Add(Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
            added.Add(Math.Max(0, Stopwatch.GetElapsedTime(acknowledged, at).TotalMilliseconds));
        }
        var assignedRate = conversations / clock.Elapsed.TotalSeconds;

        // Paced: a quarter of the saturated rate, one new contact at a time on a fixed schedule.
        var pacedRate = Math.Max(50, assignedRate / 4);
        assigned.Expect(Paced);
        stages?.Reset();
        var acknowledgedAt = new ConcurrentDictionary<Guid, long>();
        var schedule = Stopwatch.StartNew();
        var pending = new List<Task>(Paced);
        for (var i = 0; i < Paced; i++)
        {
            var due = TimeSpan.FromSeconds(i / pacedRate) - schedule.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            var index = i;
            pending.Add(Task.Run(async () =>
            {
                var response = await sender.SendAsync($"{run}-p{index}", $"{run}-pc{index}", "Hello, I would like some help");
                acknowledgedAt[response.ConversationId] = Stopwatch.GetTimestamp();
            }));
        }
        await Task.WhenAll(pending);
        await assigned.AllAsync();
        stages?.Stop();
        var pacedAdded = acknowledgedAt.Select(a => Math.Max(0, Stopwatch.GetElapsedTime(a.Value, assigned.At(a.Key)).TotalMilliseconds)).ToList();

        var (ingestOnlyAfter, _) = await IngestOnlyAsync(conversations, senders);
        return new Result(conversations, (ingestOnlyBefore + ingestOnlyAfter) / 2, ingestOnly.Percentile(99),
            assignedRate, ingest.Percentile(99),
            Percentile(toAssigned, 50), Percentile(toAssigned, 99), Percentile(added, 99),
            Paced, pacedRate, Percentile(pacedAdded, 50), Percentile(pacedAdded, 99));
    }

    /// <summary>The same load with no workflow published: what ingestion alone does on this machine now.</summary>
    private static async Task<(double PerSecond, LatencyRecorder Latencies)> IngestOnlyAsync(int conversations, int senders)
    {
        await using var app = BenchCluster.Start(new Dictionary<string, string?> { ["Seed:DemoWorkflow"] = "false" });
        var sender = app.Sender;
        var run = Guid.NewGuid().ToString("N")[..8];
        await SendNewContactsAsync(sender, $"warm-{run}", Warmup, senders, null);
        var latencies = new LatencyRecorder(conversations);
        var clock = Stopwatch.StartNew();
        await SendNewContactsAsync(sender, run, conversations, senders, (_, start) => latencies.Record(start));
        clock.Stop();
        return (conversations / clock.Elapsed.TotalSeconds, latencies);
    }

    private static async Task SendNewContactsAsync(SignedSender sender, string run, int count, int senders, Action<Guid, long>? sent)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                var response = await sender.SendAsync($"{run}-m{i}", $"{run}-c{i}", "Hello, I would like some help");
                sent?.Invoke(response.ConversationId, start);
            }
        }));
    }

    /// <summary>Every agent online with room for the whole run, all in Support, and a published workflow that assigns to Support.</summary>
    private static async Task PrepareAsync(IServiceProvider services, int total)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            var agents = await db.Agents.ToListAsync();
            var support = await db.Teams.Include(t => t.Members).SingleAsync(t => t.Name == "Support");
            var capacity = Math.Min(1000, total / agents.Count + 1);
            if (capacity * agents.Count < total) throw new InvalidOperationException($"{agents.Count} agents have room for at most {agents.Count * 1000} conversations.");
            foreach (var agent in agents)
            {
                agent.SetCapacity(capacity, now);
                agent.SetAvailability(AgentAvailability.Online, now);
                support.AddMember(agent.Id, now);
            }
            await db.SaveChangesAsync();
        }

        var workflows = services.GetRequiredService<WorkflowService>();
        var created = await workflows.CreateBlankAsync("Assign straight away");
        var supportId = created.Names.Teams.Single(t => t.Value == "Support").Key;
        await workflows.SaveDraftAsync(created.Id, new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new AssignToStep { Id = "assign", TeamId = supportId, Strategy = AssignmentStrategy.RoundRobin, OnlineOnly = true, RespectCapacity = true })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "assign")
            .Connect("assign", Outcomes.Assigned, "end")
            .Connect("assign", Outcomes.NobodyAvailable, "end"));
        var published = await workflows.PublishAsync(created.Id);
        if (published?.Published != true) throw new InvalidOperationException("The benchmark workflow did not publish.");
    }

    private static double Percentile(List<double> values, double p)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values[Math.Clamp((int)Math.Ceiling(p / 100 * values.Count) - 1, 0, values.Count - 1)];
    }

    /// <summary>Timestamps each conversation's assignment as the engine publishes it, and says when the expected number arrived.</summary>
    private sealed class AssignedClock : IDomainEventHandler<ConversationAssigned>
    {
        private readonly ConcurrentDictionary<Guid, long> _at = new();
        private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _expected;
        private int _seen;

        public void Expect(int count)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _seen = 0;
            _expected = count;
        }

        public Task HandleAsync(ConversationAssigned e, CancellationToken cancellationToken)
        {
            if (_at.TryAdd(e.ConversationId, Stopwatch.GetTimestamp()) && Interlocked.Increment(ref _seen) == _expected) _done.TrySetResult();
            return Task.CompletedTask;
        }

        public long At(Guid conversationId) => _at[conversationId];

        public Task AllAsync() => _done.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }
}
