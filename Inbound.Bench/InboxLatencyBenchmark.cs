using System.Collections.Concurrent;
using System.Diagnostics;
using Inbound.Domain.Agents;
using Inbound.Domain.Events;
using Inbound.Web.Accounts;
using Inbound.Web.Accounts.Tokens;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Bench;

/// <summary>
/// Live inbox latency: a contact's message is posted to the ingestion endpoint, and the clock stops when the
/// assigned agent's SignalR client receives the <c>messageAdded</c> event. Agents are connected over WebSockets
/// with personal access tokens, each assigned a few conversations; messages are paced at a fixed rate.
/// Options: --agents 200 --rate 1000 --seconds 10 --per-agent 5 (--inbox-only runs this scenario alone)
/// </summary>
public static class InboxLatencyBenchmark
{
    public sealed record Result(int Agents, int Sent, int Received, double SendRate, double P50, double P99, double Max,
        double AcceptedP50, double AcceptedP99, double AfterAcceptP50, double AfterAcceptP99,
        double HeapKbPerAgent, double WorkingSetKbPerAgent);

    public static async Task RunAndPrintAsync(string[] args)
    {
        using var stages = new StageMeter();
        var r = await RunAsync(args, stages);
        Console.WriteLine();
        Console.WriteLine($"inbox: message posted -> assigned agent's SignalR client, {r.Agents} agents connected");
        Console.WriteLine($"  {r.Sent} messages paced at {r.SendRate:N0} msg/s, {r.Received} events received   p50 {r.P50:N2} ms   p99 {r.P99:N2} ms   max {r.Max:N2} ms");
        Console.WriteLine($"  of which ingestion (until the 202): p50 {r.AcceptedP50:N2} ms   p99 {r.AcceptedP99:N2} ms");
        Console.WriteLine($"  event after the 202 (negative: before it): p50 {r.AfterAcceptP50:N2} ms   p99 {r.AfterAcceptP99:N2} ms");
        Console.WriteLine($"  memory per connected agent (server and client in one process): heap {r.HeapKbPerAgent:N1} KB, working set {r.WorkingSetKbPerAgent:N1} KB");
        if (args.Contains("--stages")) stages.Print("ms, while messages were posted");
    }

    public static async Task<Result> RunAsync(string[] args, StageMeter? stages = null)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var agentCount = int.Parse(Get("--agents") ?? "200");
        var rate = int.Parse(Get("--rate") ?? "1000");
        var seconds = int.Parse(Get("--seconds") ?? "10");
        var perAgent = int.Parse(Get("--per-agent") ?? "5");

        // Assignment is done here, as the engine would: no demo workflow competes for the conversations.
        await using var app = BenchApp.Start(new Dictionary<string, string?> { ["Seed:DemoWorkflow"] = "false" });
        var sender = new SignedSender(app.BaseAddress);
        var run = Guid.NewGuid().ToString("N")[..8];

        var agents = await CreateAgentsAsync(app, agentCount, run);
        var contacts = await OpenAssignedConversationsAsync(app, sender, agents, perAgent, run);

        var received = new ConcurrentDictionary<Guid, long>();
        var misdelivered = 0;
        var ownConversations = contacts.GroupBy(c => c.AgentId).ToDictionary(g => g.Key, g => g.Select(c => c.ConversationId).ToHashSet());

        ForceGc();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        var connections = new List<HubConnection>();
        foreach (var agent in agents)
        {
            var own = ownConversations[agent.AgentId];
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(app.BaseAddress, InboxExtensions.HubPath.TrimStart('/')), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(agent.Token);
                })
                .Build();
            connection.On<InboxEvent>(InboxNotifier.ClientMethod, e =>
            {
                if (e.Kind != InboxEventKinds.MessageAdded || e.MessageId is not { } id) return;
                if (e.ConversationId is not { } c || !own.Contains(c)) Interlocked.Increment(ref misdelivered);
                received.TryAdd(id, Stopwatch.GetTimestamp());
            });
            await connection.StartAsync();
            connections.Add(connection);
        }
        ForceGc();
        var heapPerAgent = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1024.0 / agentCount;
        var workingSetPerAgent = (Process.GetCurrentProcess().WorkingSet64 - workingSetBefore) / 1024.0 / agentCount;

        // Warm-up: JIT and pools on the whole path, not measured.
        await Task.WhenAll(contacts.Take(200).Select((c, i) => sender.SendAsync($"{run}-warm-{i}", c.ExternalId, "warm up")));

        stages?.Reset();
        var total = rate * seconds;
        var sentAt = new ConcurrentDictionary<Guid, long>();
        var acceptedAt = new ConcurrentDictionary<Guid, long>();
        var inFlight = new List<Task>(total);
        var random = new Random(42);
        var clock = Stopwatch.StartNew();
        var accepted = new LatencyRecorder(total);
        for (var i = 0; i < total;)
        {
            // Paced, not closed-loop: message i leaves at i/rate seconds whether or not earlier ones are answered.
            // Timers tick about once a millisecond, so each tick sends every message that has come due.
            var dueNow = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            for (; i < dueNow; i++)
            {
                var contact = contacts[random.Next(contacts.Count)];
                var index = i;
                inFlight.Add(Task.Run(async () =>
                {
                    var start = Stopwatch.GetTimestamp();
                    var stored = await sender.SendAsync($"{run}-m{index}", contact.ExternalId, $"Message {index} from a contact");
                    acceptedAt[stored.MessageId] = Stopwatch.GetTimestamp();
                    accepted.Record(start);
                    sentAt[stored.MessageId] = start;
                }));
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(inFlight);
        var sendRate = total / clock.Elapsed.TotalSeconds;

        var deadline = Stopwatch.StartNew();
        while (sentAt.Keys.Count(received.ContainsKey) < total && deadline.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(100);

        var latencies = new LatencyRecorder(total);
        foreach (var (id, start) in sentAt)
            if (received.TryGetValue(id, out var end)) latencies.Record(start, end);
        var afterAccept = sentAt.Keys.Where(id => received.ContainsKey(id) && acceptedAt.ContainsKey(id))
            .Select(id => (received[id] - acceptedAt[id]) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        double At(double p) => afterAccept.Length == 0 ? 0 : afterAccept[Math.Clamp((int)Math.Ceiling(p / 100 * afterAccept.Length) - 1, 0, afterAccept.Length - 1)];
        foreach (var c in connections) await c.DisposeAsync();

        if (misdelivered > 0) throw new InvalidOperationException($"{misdelivered} events reached an agent who does not hold the conversation.");
        return new Result(agentCount, total, latencies.Count, sendRate, latencies.Percentile(50), latencies.Percentile(99), latencies.Percentile(100),
            accepted.Percentile(50), accepted.Percentile(99), At(50), At(99), heapPerAgent, workingSetPerAgent);
    }

    private sealed record BenchAgent(Guid AgentId, string Token);

    private sealed record BenchContact(string ExternalId, Guid ConversationId, Guid AgentId);

    private static async Task<List<BenchAgent>> CreateAgentsAsync(BenchApp app, int count, string run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<InboundUser>>();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var agents = Enumerable.Range(0, count).Select(i => new Agent($"Bench Agent {i}", $"bench-{run}-{i}@inbound.local", capacity: 1000)).ToList();
        db.Agents.AddRange(agents);
        await db.SaveChangesAsync();

        var result = new List<BenchAgent>(count);
        foreach (var agent in agents)
        {
            // No password: these accounts only ever sign in with their token.
            var user = new InboundUser { UserName = agent.Email, Email = agent.Email, EmailConfirmed = true, DisplayName = agent.Name, AgentId = agent.Id };
            await users.CreateAsync(user);
            await users.AddToRoleAsync(user, Roles.Agent);
            result.Add(new BenchAgent(agent.Id, (await tokens.CreateAsync(user.Id, "bench")).Secret));
        }
        return result;
    }

    private static async Task<List<BenchContact>> OpenAssignedConversationsAsync(BenchApp app, SignedSender sender, List<BenchAgent> agents, int perAgent, string run)
    {
        var plan = agents.SelectMany((a, i) => Enumerable.Range(0, perAgent).Select(k => (Agent: a, ExternalId: $"{run}-contact-{i}-{k}"))).ToList();
        var opened = await Task.WhenAll(plan.Select(async p => (p.Agent, p.ExternalId, (await sender.SendAsync($"{run}-open-{p.ExternalId}", p.ExternalId, "Hello")).ConversationId)));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var ids = opened.Select(o => o.ConversationId).ToList();
        var conversations = await db.Conversations.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var now = DateTime.UtcNow;
        foreach (var o in opened) conversations[o.ConversationId].AssignTo(o.Agent.AgentId, null, now);
        await db.SaveAndPublishAsync(app.Services.GetRequiredService<IDomainEventPublisher>());
        return opened.Select(o => new BenchContact(o.ExternalId, o.ConversationId, o.Agent.AgentId)).ToList();
    }

    /// <summary>Settles the managed heap before a reading, so that the difference of two readings is what stayed alive.</summary>
    internal static void ForceGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
