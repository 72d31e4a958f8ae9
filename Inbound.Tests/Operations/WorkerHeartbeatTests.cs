using Inbound.Web.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Operations;

/// <summary>The workers check tells a worker that is busy or asleep as promised from one that is stuck or overslept.</summary>
public sealed class WorkerHeartbeatTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly WorkerHeartbeats _heartbeats;

    public WorkerHeartbeatTests() => _heartbeats = new WorkerHeartbeats(_clock);

    private Task<HealthCheckResult> CheckAsync() =>
        new WorkerHealthCheck(_heartbeats, [], _clock, Options.Create(new HealthOptions
        {
            WorkerDegradedAfter = TimeSpan.FromSeconds(30),
            WorkerUnhealthyAfter = TimeSpan.FromMinutes(2),
        })).CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task A_worker_waiting_for_an_empty_queue_is_healthy_however_long_it_waits()
    {
        _heartbeats.Register("engine").Idle();
        _clock.Advance(TimeSpan.FromHours(5));

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task A_batch_that_runs_past_the_bounds_turns_degraded_then_unhealthy()
    {
        _heartbeats.Register("engine").Working();

        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync()).Status);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var result = await CheckAsync();
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("engine late by 160s", result.Description);
    }

    [Fact]
    public async Task A_polling_worker_is_late_only_once_its_promised_wake_up_has_passed()
    {
        var outbox = _heartbeats.Register("outbox");
        outbox.Sleeping(TimeSpan.FromMinutes(1));

        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(29));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);

        outbox.Working();
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }
}
