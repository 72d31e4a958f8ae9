using Inbound.Domain.Agents;
using Inbound.Tests.Workflows;
using Inbound.Web.Data;
using Inbound.Web.Data.PostgreSql;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Inbound.Tests.ScaleOut;

/// <summary>
/// Two app processes (<see cref="A"/>, <see cref="B"/>) on one database and one Redis, as an installation that
/// outgrew one node runs them. An in-process app prepares the database first (migrations, demo accounts, the
/// scenario's workflows, personal access tokens) and stops, so that only the two processes do any work.
/// </summary>
public class TwoNodeCluster : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = [];
    private IPlaywright? _playwright;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "inbound-tests", "cluster-" + Guid.NewGuid().ToString("N"));

    public AppNodeProcess A { get; private set; } = null!;
    public AppNodeProcess B { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Workflows and people of the scenario, set up before the nodes start.</summary>
    protected virtual Task PrepareAsync(InboundApp setup) => Task.CompletedTask;

    /// <summary>Settings both nodes get on top of the cluster's own.</summary>
    protected virtual IReadOnlyDictionary<string, string> NodeSettings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var redis = TestServices.Redis;
        var prefix = "test-" + Guid.NewGuid().ToString("N");
        // The setup app joins the same Redis, as the first node of an installation does: it makes the data-protection
        // key ring there before the two nodes start. Two nodes starting on an empty ring at once could each make a key
        // the other has not loaded, and a cookie made by one would not open on the other until their rings refresh.
        var setup = InboundApp.OnDataFolder(DataFolder).With("Seed:DemoWorkflow", "false")
            .With("Redis:Connection", redis).With("Redis:Prefix", prefix);
        await ((IAsyncLifetime)setup).InitializeAsync();
        try
        {
            await PrepareAsync(setup);
            foreach (var email in new[] { "admin@inbound.local", "ana@inbound.local", "ben@inbound.local" })
                _tokens[email] = (await InboxUser.SignInAsync(setup, email)).Token;
        }
        finally
        {
            // Not the fixture's own dispose, which would delete the folder the nodes are about to use.
            await setup.DisposeAsync();
        }

        var settings = new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = DataFolder,
            ["Redis:Connection"] = redis,
            ["Redis:Prefix"] = prefix,
            ["Seed:DemoWorkflow"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Ingestion:RateLimitPerSecond"] = "100000",
            ["Ingestion:RateLimitBurst"] = "100000",
            ["Workflows:SweepEvery"] = "00:00:02",
            // Test clients come and go: their agents stay as the scenario set them (PresenceAcrossNodesTests shortens it).
            ["Presence:GracePeriod"] = "01:00:00",
        };
        // PostgreSQL when the suite runs on it: the database the setup app created and migrated, shared by both nodes.
        foreach (var (key, value) in TestDatabase.SettingsFor(DataFolder)) settings[key] = value;
        foreach (var (key, value) in NodeSettings) settings[key] = value;
        var logs = Path.Combine(DataFolder, "logs");
        A = await AppNodeProcess.StartAsync("node-a", settings, logs);
        B = await AppNodeProcess.StartAsync("node-b", settings, logs);
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public string TokenOf(string email) => _tokens[email];

    /// <summary>A hub client of the person on the node, signed in with their personal access token.</summary>
    public async Task<LiveInbox> ConnectAsync(AppNodeProcess node, string email)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, InboxExtensions.HubPath.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(TokenOf(email));
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        var live = new LiveInbox(connection);
        await connection.StartAsync();
        return live;
    }

    public HttpClient Http(AppNodeProcess node, string email)
    {
        var http = node.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TokenOf(email));
        return http;
    }

    /// <summary>Reads the shared database directly, as neither node.</summary>
    public async Task<T> QueryAsync<T>(Func<InboundDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<InboundDbContext>();
        if (TestDatabase.IsPostgreSql)
        {
            options.UsePostgreSql(TestDatabase.SettingsFor(DataFolder).Single(s => s.Key == "Database:ConnectionString").Value);
            await using var postgres = new Inbound.Web.Data.PostgreSql.PostgreSqlInboundDbContext(options.Options);
            return await query(postgres);
        }
        options.UseSqlite($"Data Source={Path.Combine(DataFolder, "inbound.db")};Default Timeout=30");
        await using var db = new InboundDbContext(options.Options);
        return await query(db);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        TestDatabase.Drop(DataFolder);
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Sales: Ana online, who gets every conversation a workflow assigns there.</summary>
public sealed class SalesCluster : TwoNodeCluster
{
    public const string StraightToSales = "Straight to Sales";

    /// <summary>A draft, for a test to publish on one node.</summary>
    public const string TagNewcomers = "Tag newcomers";

    protected override async Task PrepareAsync(InboundApp setup)
    {
        await setup.PublishAsync(StraightToSales, WorkflowTestApp.AssignStraightAway(await setup.TeamIdAsync("Sales"), queue: true));
        var draft = await setup.Workflows().CreateBlankAsync(TagNewcomers);
        await setup.Workflows().SaveDraftAsync(draft.Id, new Inbound.Domain.Workflows.WorkflowDefinition()
            .Add(new Inbound.Domain.Workflows.ConversationOpenedTrigger { Id = "trigger" })
            .Add(new Inbound.Domain.Workflows.AddTagStep { Id = "tag", Tag = "newcomer" })
            .Add(new Inbound.Domain.Workflows.EndStep { Id = "end" })
            .Connect("trigger", Inbound.Domain.Workflows.Outcomes.Next, "tag").Connect("tag", Inbound.Domain.Workflows.Outcomes.Next, "end"));
        await setup.SetCapacityAsync("ana@inbound.local", 1000);
        await setup.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
    }
}
