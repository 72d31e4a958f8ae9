using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inbound.Web.Diagnostics;

namespace Inbound.Tests.Ingestion;

/// <summary>An operator reading the "Inbound" meter sees where a message's time went, stage by stage.</summary>
public sealed class StageMetricsTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>, IDisposable
{
    private readonly ConcurrentDictionary<string, int> _recorded = new();
    private MeterListener? _listener;

    private ConcurrentDictionary<string, int> Listen()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == InboundMetrics.MeterName) l.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => _recorded.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
        _listener.SetMeasurementEventCallback<int>((instrument, _, _, _) => _recorded.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1));
        _listener.Start();
        return _recorded;
    }

    [Fact]
    public async Task A_stored_message_reports_its_queue_wait_reads_transaction_and_resume()
    {
        var recorded = Listen();
        await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello");

        Assert.Contains("inbound.ingestion.queue_wait", recorded.Keys);
        Assert.Contains("inbound.ingestion.batch_size", recorded.Keys);
        Assert.Contains("inbound.ingestion.read", recorded.Keys);
        Assert.Contains("inbound.ingestion.gate_wait", recorded.Keys);
        Assert.Contains("inbound.ingestion.transaction", recorded.Keys);
        Assert.Contains("inbound.ingestion.resume", recorded.Keys);
    }

    [Fact]
    public async Task The_engine_and_the_live_inbox_report_how_long_their_work_waited()
    {
        var recorded = Listen();
        await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello");

        await Eventually.TrueAsync(() => Task.FromResult(
            recorded.ContainsKey("inbound.engine.queue_wait") && recorded.ContainsKey("inbound.inbox.fanout_wait") && recorded.ContainsKey("inbound.inbox.fanout")),
            "the engine's and the fan-out's stage measurements");
    }


    public void Dispose() => _listener?.Dispose();
}
