using System.Net;
using Inbound.Web.Operations;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Operations;

/// <summary>An orchestrator polling /health/ready takes a node out of rotation while it cannot serve, and back when it can.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_turns_unhealthy_while_the_database_is_gone_and_healthy_again_when_it_returns()
    {
        // This test takes SQLite's file away; PostgreSqlReadinessTests cuts PostgreSQL's connection.
        await using var running = await RunningApp.StartAsync(new InboundApp().With("Database:Provider", "Sqlite"));
        var app = running.App;
        using var http = app.CreateHttpClient();
        var ready = await Eventually.GetAsync(async () => await HealthAnswer.GetAsync(http) is { Code: HttpStatusCode.OK } a ? a : null, "a ready node");
        Assert.Equal("Healthy", ready.StatusOf("database"));

        // The data folder's volume goes away (as an unmounted disk or a deleted folder would): the file is no longer
        // where the app opens it, though connections opened before still hold it.
        var away = app.DataFolder + ".away";
        Directory.Move(app.DataFolder, away);
        try
        {
            var gone = await HealthAnswer.GetAsync(http);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.Code);
            Assert.Equal("Unhealthy", gone.Status);
            Assert.Equal("Unhealthy", gone.StatusOf("database"));
            // Liveness depends on nothing: restarting the process would not bring the database back.
            Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(http, "/health/live")).Code);
        }
        finally
        {
            Directory.Move(away, app.DataFolder);
        }

        var back = await Eventually.GetAsync(async () => await HealthAnswer.GetAsync(http) is { Code: HttpStatusCode.OK } a ? a : null, "the node ready again");
        Assert.Equal("Healthy", back.StatusOf("database"));
    }

    [Fact]
    public async Task A_worker_that_stops_beating_turns_ready_unhealthy_until_it_beats_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        await using var running = await RunningApp.StartAsync(new InboundApp().WithServices(s => s.AddSingleton<TimeProvider>(clock)));
        var app = running.App;
        using var http = app.CreateHttpClient();
        await Eventually.TrueAsync(async () => (await HealthAnswer.GetAsync(http)).Code == HttpStatusCode.OK, "a ready node");

        // A worker takes a batch and hangs in it; three minutes pass on the app's clock (the bound is two).
        var stuck = app.Services.GetRequiredService<WorkerHeartbeats>().Register("stuck-worker");
        stuck.Working();
        clock.Advance(TimeSpan.FromMinutes(3));

        var late = await HealthAnswer.GetAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.Code);
        Assert.Equal("Unhealthy", late.StatusOf("workers"));
        Assert.Equal("working, late by 180s", late.DataOf("workers", "stuck-worker"));

        // It finishes the batch and waits for the next one: ready again (the node's own workers beat on their next round).
        stuck.Idle();
        await Eventually.TrueAsync(async () => (await HealthAnswer.GetAsync(http)).Code == HttpStatusCode.OK, "the node ready again");
    }

    [Fact]
    public async Task Ready_is_unhealthy_while_the_configured_Redis_does_not_answer()
    {
        var port = FreePort();
        await using var running = await RunningApp.StartAsync(new InboundApp().With("Redis:Connection", $"127.0.0.1:{port},connectTimeout=1000"));
        using var http = running.App.CreateHttpClient();

        var answer = await HealthAnswer.GetAsync(http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Code);
        Assert.Equal("Unhealthy", answer.StatusOf("redis"));
        Assert.Equal("Healthy", answer.StatusOf("database"));
    }

    [Fact]
    public async Task Ready_checks_the_configured_Redis_and_is_healthy_while_it_answers()
    {
        var redis = Environment.GetEnvironmentVariable("INBOUND_TEST_REDIS")
            ?? throw new InvalidOperationException("INBOUND_TEST_REDIS names the Redis server for this test (scripts/test.sh starts one).");
        await using var running = await RunningApp.StartAsync(new InboundApp().With("Redis:Connection", redis));
        using var http = running.App.CreateHttpClient();

        var ready = await Eventually.GetAsync(async () => await HealthAnswer.GetAsync(http) is { Code: HttpStatusCode.OK } a ? a : null, "a ready node");
        Assert.Equal("Healthy", ready.StatusOf("redis"));
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
