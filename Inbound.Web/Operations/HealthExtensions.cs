using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Inbound.Web.Operations;

public static class HealthExtensions
{
    private const string Ready = "ready";

    /// <summary>The readiness checks: the database, Redis when <c>Redis:Connection</c> is set, and the background workers.</summary>
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<WorkerHeartbeats>();
        var timeout = builder.Configuration.GetSection(HealthOptions.Section).Get<HealthOptions>()?.CheckTimeout ?? new HealthOptions().CheckTimeout;
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [Ready], timeout)
            .AddCheck<WorkerHealthCheck>("workers", HealthStatus.Unhealthy, [Ready]);
        // The node's own Redis connection (AddScaleOut), not a second one: ready means the connection the node uses answers.
        if (builder.Configuration["Redis:Connection"] is { Length: > 0 })
            checks.AddRedis(s => s.GetRequiredService<IConnectionMultiplexer>(), "redis", HealthStatus.Unhealthy, [Ready], timeout);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> answers as long as the process serves requests (no dependency: restarting the app would
    /// not bring a database back); <c>/health/ready</c> runs the checks, 200 while Healthy or Degraded, 503 when
    /// Unhealthy. Both are anonymous and free of rate limits: an orchestrator polls them.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        return app;
    }
}
