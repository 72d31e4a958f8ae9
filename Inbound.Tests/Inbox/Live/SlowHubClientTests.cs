using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inbound.Tests.Inbox.Live;

/// <summary>
/// About the hub's fan-out to each client, which no database takes part in: run on SQLite only, where a thousand
/// messages are ingested well within the 15 s SignalR gives a long-polling client that stopped polling.
/// </summary>
[Trait("Category", "SqliteOnly")]
public class SlowHubClientTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private const int Messages = 1_000;

    [Fact]
    public async Task A_hub_client_that_stops_reading_does_not_hold_up_another_clients_events()
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        await using var admin = await InboxUser.SignInAsync(app, "admin@inbound.local");
        var channel = new ChannelClient(app.CreateHttpClient());
        var contact = $"c-{Guid.NewGuid():N}";
        var opened = await channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "Hello", "Slow Reader Test");
        await new Conversations(app).AssignAsync(opened.ConversationId, ana.AgentId);

        var fast = await ana.ConnectAsync();
        // The admin hears every event, through a connection whose client stops reading after its handshake: SignalR's
        // buffer for it fills after a few hundred events, and its writes wait from then on.
        using var stalled = await StalledConnection.OpenAsync(app, admin.Token);

        var acknowledged = new ConcurrentDictionary<Guid, long>();
        var arrived = new ConcurrentDictionary<Guid, long>();
        fast.Connection.On<InboxEvent>(InboxNotifier.ClientMethod, e =>
        {
            if (e is { Kind: InboxEventKinds.MessageAdded, MessageId: { } id }) arrived.TryAdd(id, Stopwatch.GetTimestamp());
        });
        await Parallel.ForAsync(0, Messages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var sent = await channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, $"Message {i}");
            acknowledged[sent.MessageId] = Stopwatch.GetTimestamp();
        });

        await Eventually.TrueAsync(() => Task.FromResult(acknowledged.Keys.All(arrived.ContainsKey)), "every message's event at the reading client", TimeSpan.FromSeconds(20));
        // Stalled behind the other client, events would wait until SignalR dropped it (15 s without a poll).
        var slowest = acknowledged.Max(a => Stopwatch.GetElapsedTime(a.Value, arrived[a.Key]));
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"the slowest event reached the reading client {slowest.TotalMilliseconds:F0} ms after its 202");
        Assert.True(stalled.StillConnected, "the stalled client was still connected while the others heard their events");
    }

    /// <summary>A long-polling SignalR client that completes its handshake and then never polls again.</summary>
    private sealed class StalledConnection : IDisposable
    {
        private readonly HttpClient _http;
        private readonly Uri _poll;

        private StalledConnection(HttpClient http, Uri poll)
        {
            _http = http;
            _poll = poll;
        }

        public bool StillConnected => _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, _poll) { Content = new ByteArrayContent([]) })
            .GetAwaiter().GetResult().IsSuccessStatusCode;

        public static async Task<StalledConnection> OpenAsync(InboundApp app, string token)
        {
            var http = app.CreateHttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var hub = InboxExtensions.HubPath.TrimStart('/');
            using var negotiate = await http.PostAsync($"{hub}/negotiate?negotiateVersion=1", null);
            negotiate.EnsureSuccessStatusCode();
            var connectionToken = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
            var poll = new Uri(app.BaseAddress, $"{hub}?id={connectionToken}");
            // The first poll starts the connection and answers at once; the handshake goes up; the next poll brings its answer.
            (await http.GetAsync(poll)).EnsureSuccessStatusCode();
            (await http.PostAsync(poll, new StringContent("{\"protocol\":\"json\",\"version\":1}\u001e", Encoding.UTF8))).EnsureSuccessStatusCode();
            var handshake = await http.GetStringAsync(poll);
            Assert.StartsWith("{}", handshake);
            return new StalledConnection(http, poll);
        }

        public void Dispose() => _http.Dispose();
    }
}
