using Inbound.Web.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Inbound.Web.Operations;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces (requests, HTTP calls, EF Core commands, Inbound's batches and deliveries) and metrics (the Inbound meter,
    /// requests, HTTP calls, the runtime) go over OTLP when an endpoint is set, and metrics to <c>/metrics</c> when
    /// Prometheus is on. What would be collected is declared always, but a tracer or meter provider, and with it any
    /// listener, exists only when one of the two is configured: otherwise telemetry costs nothing.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(InboundTracing.SourceName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddEntityFrameworkCoreInstrumentation());
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(InboundMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation());

        var standardEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(options.Endpoint) && string.IsNullOrWhiteSpace(standardEndpoint) && !options.Prometheus) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(_ => { })
            .WithMetrics(_ => { });
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
            telemetry.UseOtlpExporter(ProtocolOf(options.Protocol), new Uri(options.Endpoint));
        else if (!string.IsNullOrWhiteSpace(standardEndpoint))
            telemetry.UseOtlpExporter(); // reads OTEL_EXPORTER_OTLP_* itself
        if (options.Prometheus) telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        return builder;
    }

    /// <summary>The Prometheus scrape endpoint, when it is on: anonymous, like the health checks; keep it off the public network.</summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>($"{TelemetryOptions.Section}:{nameof(TelemetryOptions.Prometheus)}"))
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static OtlpExportProtocol ProtocolOf(string protocol) => protocol.Trim().ToLowerInvariant() switch
    {
        "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"OpenTelemetry:Protocol must be grpc or http/protobuf, not '{protocol}'."),
    };
}
