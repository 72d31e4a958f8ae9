using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbound.Tests.Ai;

/// <summary>A request the fake received: its path and the JSON body exactly as it left the app.</summary>
public sealed record AiRequest(string Path, string Body, string? Authorization = null)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>The text of the last "user" message of a chat request.</summary>
    public string LastUserMessage => FakeOpenAiServer.LastUserMessageOf(Json);
}

public enum FakeAiMode
{
    Normal,
    /// <summary>Holds every request open until the client gives up (a timeout).</summary>
    Slow,
    /// <summary>Answers every request with a 500.</summary>
    Failing,
}

/// <summary>
/// An OpenAI-compatible service on a real Kestrel at 127.0.0.1: <c>POST /v1/chat/completions</c> and
/// <c>POST /v1/embeddings</c>, answering in OpenAI's JSON (the shapes of the API reference's sample responses) so the
/// real OpenAI .NET client parses them. Chat answers are scripted by a predicate on the last user message; embeddings
/// are a hashed bag of words, so texts sharing words are near each other. It logs every request body it receives.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    public const int Dimensions = 256;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<AiRequest> _requests = new();
    private readonly ConcurrentQueue<(Func<string, bool> When, string Answer)> _script = new();
    private readonly CancellationTokenSource _stopping = new();

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>The base URL an admin would enter, ending in <c>/v1</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public FakeAiMode Mode { get; set; }

    /// <summary>What chat answers when no scripted predicate matches.</summary>
    public string DefaultAnswer { get; set; } = "OK";

    public IReadOnlyList<AiRequest> Requests => [.. _requests];

    public IReadOnlyList<AiRequest> ChatRequests => [.. _requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal))];

    public IReadOnlyList<AiRequest> EmbeddingRequests => [.. _requests.Where(r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal))];

    /// <summary>Answers <paramref name="answer"/> to a chat whose last user message matches; the first match wins.</summary>
    public FakeOpenAiServer Answer(Func<string, bool> whenLastUserMessage, string answer)
    {
        _script.Enqueue((whenLastUserMessage, answer));
        return this;
    }

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async http => await (await fake.ChatAsync(http)).ExecuteAsync(http));
        app.MapPost("/v1/embeddings", async http => await (await fake.EmbeddingsAsync(http)).ExecuteAsync(http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.Replace("[::]", "127.0.0.1") + "/v1";
        return fake;
    }

    /// <summary>The deterministic embedding of a text: each word hashed into one of <see cref="Dimensions"/> buckets, normalised.</summary>
    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in Words(text)) vector[(int)(StableHash(word) % Dimensions)] += 1;
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        if (length > 0) for (var i = 0; i < vector.Length; i++) vector[i] /= length;
        return vector;
    }

    internal static string LastUserMessageOf(JsonNode request) =>
        request["messages"]!.AsArray().LastOrDefault(m => (string?)m!["role"] == "user") is { } message ? TextOf(message["content"]) : "";

    private async Task<IResult> ChatAsync(HttpContext http)
    {
        if (await ReceiveAsync(http) is not { } request) return Results.Empty;
        if (Mode == FakeAiMode.Failing) return ServerError();
        var json = request.Json;
        var answer = _script.FirstOrDefault(s => s.When(request.LastUserMessage)).Answer ?? DefaultAnswer;
        var promptTokens = json["messages"]!.AsArray().Sum(m => Words(TextOf(m!["content"])).Count());
        var completionTokens = Words(answer).Count();
        // The shape of OpenAI's sample "chat.completion" object.
        return Results.Content(new JsonObject
        {
            ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = (string?)json["model"],
            ["system_fingerprint"] = "fp_fake",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        }.ToJsonString(), "application/json");
    }

    private async Task<IResult> EmbeddingsAsync(HttpContext http)
    {
        if (await ReceiveAsync(http) is not { } request) return Results.Empty;
        if (Mode == FakeAiMode.Failing) return ServerError();
        var json = request.Json;
        var inputs = json["input"] is JsonArray array ? array.Select(i => (string)i!).ToList() : [(string)json["input"]!];
        // The OpenAI .NET client asks for base64 (little-endian float32), as the API allows; plain arrays otherwise.
        var base64 = (string?)json["encoding_format"] == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Embed(inputs[i]);
            JsonNode embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()))
                : new JsonArray([.. vector.Select(v => (JsonNode)v)]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        var tokens = inputs.Sum(t => Words(t).Count());
        return Results.Content(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = (string?)json["model"],
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }.ToJsonString(), "application/json");
    }

    /// <summary>Logs the request; in slow mode holds it until the client gives up and returns null.</summary>
    private async Task<AiRequest?> ReceiveAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var request = new AiRequest(http.Request.Path, await reader.ReadToEndAsync(), http.Request.Headers.Authorization.ToString());
        _requests.Enqueue(request);
        if (Mode != FakeAiMode.Slow) return request;
        using var held = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        try { await Task.Delay(Timeout.Infinite, held.Token); } catch (OperationCanceledException) { }
        return null;
    }

    private static IResult ServerError() => Results.Content(
        """{"error":{"message":"The server had an error while processing your request.","type":"server_error","param":null,"code":null}}""",
        "application/json", statusCode: 500);

    private static string TextOf(JsonNode? content) => content switch
    {
        JsonValue value => (string?)value ?? "",
        JsonArray parts => string.Join(" ", parts.Select(p => (string?)p?["text"] ?? "")),
        _ => "",
    };

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split((char[])[' ', '\n', '\r', '\t', '.', ',', '!', '?', ':', ';', '"', '(', ')', '[', ']', '{', '}'], StringSplitOptions.RemoveEmptyEntries);

    private static uint StableHash(string word)
    {
        // FNV-1a: string.GetHashCode differs between processes, and a test's expected neighbours must not.
        var hash = 2166136261u;
        foreach (var c in word) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
