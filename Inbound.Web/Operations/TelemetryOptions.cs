namespace Inbound.Web.Operations;

/// <summary>Where telemetry goes (<c>OpenTelemetry</c> in appsettings.json). Nothing is collected while both are off.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>
    /// The OTLP collector's base address (e.g. http://127.0.0.1:4318); the standard OTEL_EXPORTER_OTLP_ENDPOINT works
    /// too, with the other OTEL_* variables.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary><c>http/protobuf</c> (port 4318, the default here) or <c>grpc</c> (port 4317), for <see cref="Endpoint"/>.</summary>
    public string Protocol { get; set; } = "http/protobuf";

    /// <summary>Serve the metrics for Prometheus to scrape at <c>/metrics</c>.</summary>
    public bool Prometheus { get; set; }

    /// <summary>The <c>service.name</c> every span and metric carries (OTEL_SERVICE_NAME overrides it).</summary>
    public string ServiceName { get; set; } = "inbound";
}
