using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbound.Tests.Channels;

/// <summary>A request a fake provider received, as it arrived.</summary>
public sealed record ProviderRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, string ContentType)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the fake answers: a status and a body, or (null) hold the request open until the caller gives up.</summary>
public sealed record ProviderAnswer(int Status, string Body = "{}", string ContentType = "application/json")
{
    public static readonly ProviderAnswer Ok = new(200);
}

/// <summary>
/// A stand-in for a provider's API (Telegram, WhatsApp, a custom channel's receiver) on 127.0.0.1: it records every
/// request and answers as the test scripts it, failing on purpose where the test wants it to.
/// </summary>
public sealed class FakeProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ProviderRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private Func<ProviderRequest, int, ProviderAnswer?> _answer = (_, _) => ProviderAnswer.Ok;

    private FakeProvider(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ProviderRequest> Requests => [.. _requests];

    /// <summary>Answers each request from (request, how many requests came before it); null holds it open.</summary>
    public FakeProvider AnswerWith(Func<ProviderRequest, int, ProviderAnswer?> answer)
    {
        _answer = answer;
        return this;
    }

    public static async Task<FakeProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeProvider(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1") + "/");
        return fake;
    }

    public async Task<ProviderRequest> RequestAsync(Func<ProviderRequest, bool> match, string what) =>
        await Infrastructure.Eventually.GetAsync(() => Task.FromResult(Requests.FirstOrDefault(match)), what);

    private async Task HandleAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var request = new ProviderRequest(http.Request.Method, http.Request.Path + http.Request.QueryString,
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray(), http.Request.ContentType ?? "");
        var before = _requests.Count;
        _requests.Enqueue(request);
        var answer = _answer(request, before);
        if (answer is null)
        {
            // Held open, as a provider that took the message and never answered before the sender died.
            try { await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token).Token); }
            catch (OperationCanceledException) { }
            return;
        }
        http.Response.StatusCode = answer.Status;
        http.Response.ContentType = answer.ContentType;
        await http.Response.WriteAsync(answer.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
