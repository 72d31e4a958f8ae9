using System.Net;
using System.Text.Json;

namespace Inbound.Tests.Operations;

/// <summary>What an orchestrator sees of /health/ready or /health/live: the status code and each check's status.</summary>
internal sealed record HealthAnswer(HttpStatusCode Code, string Status, JsonElement Entries)
{
    public string StatusOf(string check) => Entries.GetProperty(check).GetProperty("status").GetString()!;

    public string DataOf(string check, string key) => Entries.GetProperty(check).GetProperty("data").GetProperty(key).GetString()!;

    public static async Task<HealthAnswer> GetAsync(HttpClient http, string path = "/health/ready")
    {
        using var response = await http.GetAsync(path);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new HealthAnswer(response.StatusCode, body.RootElement.GetProperty("status").GetString()!, body.RootElement.GetProperty("entries").Clone());
    }
}

/// <summary>An app started for one test and deleted with its data folder when the test ends.</summary>
internal sealed class RunningApp(InboundApp app) : IAsyncDisposable
{
    public InboundApp App => app;

    public static async Task<RunningApp> StartAsync(InboundApp app)
    {
        await ((IAsyncLifetime)app).InitializeAsync();
        return new RunningApp(app);
    }

    public ValueTask DisposeAsync() => new(((IAsyncLifetime)app).DisposeAsync());
}
