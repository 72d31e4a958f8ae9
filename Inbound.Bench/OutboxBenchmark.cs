using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbound.Bench;

/// <summary>
/// Outbound delivery through the outbox to a receiver on loopback (the custom channel's outbound webhook), beside a
/// raw HttpClient loop to the same receiver in the same run: messages/s, and the latency from the reply's commit to
/// the receiver holding it. <c>--outbox [--replies 5000]</c>.
/// </summary>
public static class OutboxBenchmark
{
    private const int Writers = 8;

    public static async Task RunAndPrintAsync(string[] args)
    {
        var replies = args.SkipWhile(a => a != "--replies").Skip(1).Select(int.Parse).FirstOrDefault(5000);
        Console.WriteLine($"Outbox benchmark · {Environment.ProcessorCount} cores · {replies} replies, {Writers} concurrent writers");
        await using var receiver = await Receiver.StartAsync();

        var raw = await RawLoopAsync(receiver, replies);
        Console.WriteLine($"raw HttpClient loop ({Writers} at once)    {raw.PerSecond,10:N0} msg/s   p50 {raw.P50:N2} ms   p99 {raw.P99:N2} ms (request)");

        var (outbox, backlog) = await OutboxAsync(receiver, replies);
        Console.WriteLine($"outbox, replies as agents send them {outbox.PerSecond,10:N0} msg/s   p50 {outbox.P50:N2} ms   p99 {outbox.P99:N2} ms (commit → received)");
        Console.WriteLine($"outbox, a backlog stored at once    {backlog.PerSecond,10:N0} msg/s   p50 {backlog.P50:N2} ms   p99 {backlog.P99:N2} ms (commit → received)");
        Console.WriteLine($"outbox backlog / raw                {backlog.PerSecond / raw.PerSecond,10:P0}");
    }

    private sealed record Result(double PerSecond, double P50, double P99);

    private static async Task<Result> RawLoopAsync(Receiver receiver, int count)
    {
        using var http = new HttpClient();
        var body = new string('x', 300);
        var latencies = new LatencyRecorder(count);
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var at = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(body) };
                request.Headers.Add("Idempotency-Key", $"raw-{next}");
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                latencies.Record(at);
            }
        }));
        return new Result(count / Stopwatch.GetElapsedTime(started).TotalSeconds, latencies.Percentile(50), latencies.Percentile(99));
    }

    private static async Task<(Result AsSent, Result Backlog)> OutboxAsync(Receiver receiver, int count)
    {
        await using var app = BenchApp.Start(new Dictionary<string, string?>
        {
            ["Seed:DemoWorkflow"] = "false",
            [$"Seed:Channels:1:Settings:{ChannelSettingNames.OutboundUrl}"] = receiver.Url,
        });
        // One conversation per writer, opened the way contacts open them.
        var sender = new SignedSender(app.BaseAddress);
        var conversations = new List<Guid>();
        for (var i = 0; i < Writers; i++) conversations.Add((await sender.SendAsync($"bench-{i}", $"contact-{i}", "Hello")).ConversationId);

        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>();
        var publisher = app.Services.GetRequiredService<IDomainEventPublisher>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var committed = new ConcurrentDictionary<string, long>();
        receiver.Expect(count);
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        await Task.WhenAll(conversations.Select(async conversationId =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
                var message = db.Messages.Add(conversation.Reply(AuthorKind.Agent, null, "Thanks for writing, we are on it.", clock.GetUtcNow().UtcDateTime)).Entity;
                await db.SaveAndPublishAsync(publisher);
                committed[message.Id.ToString("N")] = Stopwatch.GetTimestamp();
            }
        }));
        var committing = Stopwatch.GetElapsedTime(started);
        await receiver.AllArrived.WaitAsync(TimeSpan.FromMinutes(5));
        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"replies committed ({Writers} writers)       {count / committing.TotalSeconds,10:N0} msg/s   (the outbox cannot deliver faster than replies are stored)");
        var asSent = Measure(receiver, committed, count, elapsed);

        // The same number of replies in one commit (as after an outage of the provider): the sender's own pace.
        committed.Clear();
        receiver.Expect(count);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var open = await db.Conversations.Where(c => conversations.Contains(c.Id)).ToListAsync();
            var added = Enumerable.Range(0, count)
                .Select(i => db.Messages.Add(open[i % open.Count].Reply(AuthorKind.Agent, null, "Back online: here is our answer.", clock.GetUtcNow().UtcDateTime)).Entity)
                .ToList();
            await db.SaveAndPublishAsync(publisher);
            var at = Stopwatch.GetTimestamp();
            started = at;
            foreach (var m in added) committed[m.Id.ToString("N")] = at;
        }
        await receiver.AllArrived.WaitAsync(TimeSpan.FromMinutes(5));
        return (asSent, Measure(receiver, committed, count, Stopwatch.GetElapsedTime(started)));
    }

    private static Result Measure(Receiver receiver, ConcurrentDictionary<string, long> committed, int count, TimeSpan elapsed)
    {
        var latencies = new LatencyRecorder(count);
        foreach (var (key, at) in committed)
            if (receiver.ArrivedAt.TryGetValue(key, out var arrived)) latencies.Record(at, arrived);
        return new Result(count / elapsed.TotalSeconds, latencies.Percentile(50), latencies.Percentile(99));
    }

    /// <summary>A fake provider on loopback that notes when each idempotency key first arrived.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _expected = int.MaxValue;
        private int _arrived;
        private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Receiver(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";
        public ConcurrentDictionary<string, long> ArrivedAt { get; } = new();
        public Task AllArrived => _all.Task;

        public void Expect(int count)
        {
            ArrivedAt.Clear();
            _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _arrived = 0;
            _expected = count;
        }

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.Run(async http =>
            {
                await http.Request.Body.CopyToAsync(Stream.Null);
                var key = http.Request.Headers["Idempotency-Key"].ToString();
                // A retried delivery carries the same key: only its first arrival counts.
                if (receiver.ArrivedAt.TryAdd(key, Stopwatch.GetTimestamp()) && !key.StartsWith("raw-", StringComparison.Ordinal)
                    && Interlocked.Increment(ref receiver._arrived) >= receiver._expected)
                    receiver._all.TrySetResult();
                http.Response.StatusCode = 200;
            });
            await app.StartAsync();
            receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1") + "/replies";
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
