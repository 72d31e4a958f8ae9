using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Bench;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with a fresh SQLite file, as the benchmarks drive it; or with a fresh PostgreSQL
/// database on <see cref="PostgreSqlServer"/> while that is set (the --providers comparison), dropped when it stops.
/// </summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private BenchApp(Dictionary<string, string?> settings, Action<IServiceCollection>? services, string? sharedDatabase)
    {
        _settings = settings;
        _services = services;
        _database = sharedDatabase;
        _ownsDatabase = sharedDatabase is null;
        DataFolder = Path.Combine(Path.GetTempPath(), "inbound-bench", Guid.NewGuid().ToString("N"));
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataFolder { get; }

    /// <summary>A PostgreSQL connection string whose role may create databases; null for SQLite.</summary>
    public static string? PostgreSqlServer { get; set; }

    private string? _database;
    private readonly bool _ownsDatabase;

    /// <summary>The PostgreSQL database this node uses (null on SQLite), for a second node to share.</summary>
    public string? Database => _database;
    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="services">Extra services, e.g. a domain event handler that timestamps what a scenario waits for.</param>
    /// <param name="sharedDatabase">Another node's PostgreSQL database, to run beside it rather than on a fresh one.</param>
    public static BenchApp Start(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? sharedDatabase = null)
    {
        var app = new BenchApp(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()), services, sharedDatabase);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.BaseAddress = new Uri(address);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Package assets (_content/MudBlazor/...) for the browser pages the page benchmark opens.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Ingestion:RateLimitPerSecond", "1000000");
        builder.UseSetting("Ingestion:RateLimitBurst", "1000000");
        if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1") builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        if (PostgreSqlServer is { } server)
        {
            _database ??= BenchDatabase.Create(server);
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("Database:ConnectionString", _database);
        }
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureServices(_services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && _ownsDatabase) BenchDatabase.Drop(_database);
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
