using System.Net;
using Inbound.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, with its own SQLite file in a temp folder (or its own
/// PostgreSQL database, see <see cref="TestDatabase"/>) and the demo data seeded. Tests talk to it over real HTTP (and SignalR); it is deleted when disposed.
/// </summary>
public class InboundApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiChannelKey = "api";
    public const string ApiChannelSecret = "demo-api-secret-change-me";
    public const string WebChatChannelKey = "webchat";
    public const string DemoPassword = "Inbound!2026";

    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];

    public InboundApp() : this(null) { }

    /// <param name="dataFolder">A folder shared with another node, or null for a fresh one.</param>
    protected InboundApp(string? dataFolder)
    {
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "inbound-tests", Guid.NewGuid().ToString("N"));
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        // First, so that a test's own clock (WithServices) replaces it.
        _services.Add(s => s.AddSingleton<TimeProvider>(OfficeHoursClock.Instance));
    }

    public string DataFolder { get; }

    /// <summary>A second node of the same installation: its own server, the same database file.</summary>
    public static InboundApp SecondNodeOf(InboundApp first) => new(first.DataFolder);

    /// <summary>An app on an existing data folder, e.g. one that starts where a stopped one left off.</summary>
    public static InboundApp OnDataFolder(string dataFolder) => new(dataFolder);

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Overrides a configuration value (as appsettings.json would set it); call before the app starts.</summary>
    public InboundApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces services after the app registered its own (e.g. a FakeTimeProvider); call before the app starts.</summary>
    public InboundApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var configure in _services) builder.ConfigureTestServices(configure);
        builder.UseEnvironment("Testing");
        // Package assets (_content/MudBlazor/...) are served from the build output outside Development.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataFolder", DataFolder);
        TestDatabase.EnsureCreated(DataFolder);
        foreach (var (key, value) in TestDatabase.SettingsFor(DataFolder)) builder.UseSetting(key, value);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests send bursts on purpose; those that test the limit set it lower.
        builder.UseSetting("Ingestion:RateLimitPerSecond", "100000");
        builder.UseSetting("Ingestion:RateLimitBurst", "100000");
        // Every browser of a test comes from 127.0.0.1; the web chat's limit tests set their own.
        builder.UseSetting("WebChat:Limits:MessageBurst", "10000");
        builder.UseSetting("WebChat:Limits:NewVisitorsPerAddressPerMinute", "100000");
        builder.UseSetting("WebChat:Limits:CircuitsPerAddress", "100000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public virtual Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1"));
        return Task.CompletedTask;
    }

    /// <summary>A plain HTTP client for the real server (not the in-memory test handler).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    public async Task<T> QueryAsync<T>(Func<InboundDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        TestDatabase.Drop(DataFolder);
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
