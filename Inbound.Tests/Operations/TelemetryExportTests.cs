using System.Net;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Inbound.Tests.Operations;

/// <summary>An operator points Inbound at a collector or lets Prometheus scrape it; left unconfigured, it collects nothing.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task With_an_OTLP_endpoint_traces_and_metrics_arrive_at_the_collector()
    {
        await using var collector = await FakeCollector.StartAsync();
        await using var running = await RunningApp.StartAsync(new InboundApp()
            .With("OpenTelemetry:Endpoint", collector.BaseAddress.ToString())
            .With("OpenTelemetry:Protocol", "http/protobuf")
            // The SDK's standard setting, read from configuration: export metrics every half second instead of every minute.
            .With("OTEL_METRIC_EXPORT_INTERVAL", "500"));

        await new ChannelClient(running.App.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello");

        await Eventually.TrueAsync(() => Task.FromResult(collector.SawText("traces", "ingestion batch") && collector.SawText("traces", "engine batch")),
            "the batches' spans at the collector", TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(() => Task.FromResult(collector.SawText("metrics", "inbound.ingestion.batch_size") && collector.SawText("metrics", "dotnet.gc.collections")),
            "the Inbound meter and the runtime's metrics at the collector", TimeSpan.FromSeconds(60));
        Assert.True(collector.SawText("traces", "inbound"), "spans carry the service name");
    }

    [Fact]
    public async Task With_Prometheus_on_metrics_answers_in_the_Prometheus_text_format()
    {
        await using var running = await RunningApp.StartAsync(new InboundApp().With("OpenTelemetry:Prometheus", "true"));
        using var http = running.App.CreateHttpClient();
        await new ChannelClient(http).SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello");

        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE inbound_ingestion_batch_size", text);
        Assert.Contains("inbound_ingestion_batch_size_bucket{", text);
    }

    [Fact]
    public async Task Without_an_endpoint_or_Prometheus_nothing_is_collected_and_there_is_no_metrics_page()
    {
        await using var running = await RunningApp.StartAsync(new InboundApp());

        Assert.Null(running.App.Services.GetService<TracerProvider>());
        Assert.Null(running.App.Services.GetService<MeterProvider>());
        using var response = await running.App.CreateHttpClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
