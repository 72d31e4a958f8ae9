namespace Inbound.Web.Operations;

/// <summary>Bounds of the readiness check (<c>Health</c> in appsettings.json).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>A worker late by more than this makes the node Degraded (still 200: it serves, but look at it).</summary>
    public TimeSpan WorkerDegradedAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A worker late by more than this makes the node Unhealthy (503): take it out of the load balancer.</summary>
    public TimeSpan WorkerUnhealthyAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A dependency that has not answered within this is Unhealthy: a hung database must not hang the probe.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
