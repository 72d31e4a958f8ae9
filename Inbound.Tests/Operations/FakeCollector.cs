using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Inbound.Tests.Operations;

/// <summary>
/// An OTLP/HTTP collector on 127.0.0.1 that keeps the protobuf bodies it is sent, by signal path (/v1/traces,
/// /v1/metrics, /v1/logs), and answers as a collector does: 200 with an empty export response.
/// </summary>
internal sealed class FakeCollector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeCollector(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, ConcurrentQueue<byte[]>> Received { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var collector = new FakeCollector(builder.Build());
        collector._app.MapPost("/v1/{signal}", async (string signal, HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            collector.Received.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            return Results.Bytes([], "application/x-protobuf");
        });
        await collector._app.StartAsync();
        var address = collector._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        collector.BaseAddress = new Uri(address);
        return collector;
    }

    /// <summary>Whether some body sent for <paramref name="signal"/> names <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
    public bool SawText(string signal, string text)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(text);
        return Received.TryGetValue(signal, out var bodies) && bodies.Any(b => b.AsSpan().IndexOf(needle) >= 0);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
