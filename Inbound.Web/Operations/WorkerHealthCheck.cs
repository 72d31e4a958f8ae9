using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Operations;

/// <summary>
/// Ready only while every background worker runs and keeps up: one whose loop ended (a crash the host did not stop
/// for) is Unhealthy at once; one late past the bounds of <see cref="HealthOptions"/> is Degraded, then Unhealthy.
/// </summary>
internal sealed class WorkerHealthCheck(WorkerHeartbeats heartbeats, IEnumerable<IHostedService> hostedServices, TimeProvider clock,
    IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var bounds = options.Value;
        var data = new Dictionary<string, object>();
        var status = HealthStatus.Healthy;
        var problems = new List<string>();

        foreach (var stopped in hostedServices.OfType<BackgroundService>().Where(s => s.ExecuteTask is { IsCompleted: true }))
        {
            var name = stopped.GetType().Name;
            data[name] = "stopped";
            problems.Add($"{name} stopped");
            status = HealthStatus.Unhealthy;
        }

        foreach (var worker in heartbeats.All)
        {
            var pulse = worker.Read();
            var late = worker.LateBy(now);
            data[worker.Name] = late > TimeSpan.Zero
                ? $"{pulse.State.ToString().ToLowerInvariant()}, late by {late.TotalSeconds:0}s"
                : pulse.State.ToString().ToLowerInvariant();
            if (late > bounds.WorkerUnhealthyAfter) status = HealthStatus.Unhealthy;
            else if (late > bounds.WorkerDegradedAfter && status == HealthStatus.Healthy) status = HealthStatus.Degraded;
            if (late > bounds.WorkerDegradedAfter) problems.Add($"{worker.Name} late by {late.TotalSeconds:0}s");
        }

        var description = problems.Count == 0 ? "All background workers keep up" : string.Join("; ", problems);
        return Task.FromResult(new HealthCheckResult(status, description, data: data));
    }
}
