using System.Net;
using Inbound.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 on a free port, with its own SQLite file in a temp folder and the
/// demo data seeded. Tests talk to it over real HTTP (and SignalR); it is deleted when disposed.
/// </summary>
public class InboundApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiChannelKey = "api";
    public const string ApiChannelSecret = "demo-api-secret-change-me";
    public const string WebChatChannelKey = "webchat";
    public const string DemoPassword = "Inbound!2026";

    private readonly Dictionary<string, string?> _settings = new();

    public InboundApp()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "inbound-tests", Guid.NewGuid().ToString("N"));
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataFolder { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Overrides a configuration value (as appsettings.json would set it); call before the app starts.</summary>
    public InboundApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host does not map package assets (MudBlazor, blazor.web.js); browsers need them.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests send bursts on purpose; those that test the limit set it lower.
        builder.UseSetting("Ingestion:RateLimitPerSecond", "100000");
        builder.UseSetting("Ingestion:RateLimitBurst", "100000");
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
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
