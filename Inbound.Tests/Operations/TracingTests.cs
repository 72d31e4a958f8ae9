using System.Diagnostics;
using Inbound.Web.Diagnostics;
using OpenTelemetry.Trace;

namespace Inbound.Tests.Operations;

/// <summary>An operator following one message in a trace sees its request, the batch that stored it and the engine batch that ran its workflow.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task An_ingested_message_is_traced_from_its_request_through_the_ingestion_batch_to_the_engine_batch()
    {
        var spans = new SpanList();
        await using var running = await RunningApp.StartAsync(new InboundApp()
            .WithServices(s => s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans))));
        var app = running.App;

        var sent = await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello");

        var engine = await Eventually.GetAsync(() => Task.FromResult(Snapshot(spans).FirstOrDefault(a => a.DisplayName == "engine batch")), "the engine batch span");
        var all = Snapshot(spans);
        // The batch the engine's work came from (a loaded machine may write the message in a batch of its own after a
        // retry, or serve another request meanwhile): it must be an ingestion batch under the message's POST.
        var ingestion = Assert.Single(all, a => a.SpanId == engine.ParentSpanId);
        Assert.Equal("ingestion batch", ingestion.DisplayName);
        // The request the batch hangs under is the message's POST (the app may serve other requests meanwhile).
        var request = Assert.Single(all, a => a.SpanId == ingestion.ParentSpanId);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.StartsWith("POST", request.DisplayName, StringComparison.Ordinal);

        Assert.Equal(InboundTracing.SourceName, ingestion.Source.Name);
        Assert.Equal(request.TraceId, ingestion.TraceId);
        Assert.Equal(1, ingestion.GetTagItem("inbound.batch.size"));
        Assert.Equal(request.TraceId, engine.TraceId);
        Assert.Contains("ConversationOpened", (string)engine.GetTagItem("inbound.engine.work")!);
        // The writer's EF Core commands are part of the same trace, under the batch.
        Assert.Contains(all, a => a.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal) && a.ParentSpanId == ingestion.SpanId);
        Assert.NotEqual(Guid.Empty, sent.ConversationId);
    }

    private static List<Activity> Snapshot(SpanList spans) => spans.Snapshot();
}

/// <summary>The in-memory exporter adds spans from whichever thread ends them; the test reads a copy.</summary>
internal sealed class SpanList : System.Collections.ObjectModel.Collection<Activity>
{
    private readonly Lock _lock = new();

    protected override void InsertItem(int index, Activity item)
    {
        lock (_lock) base.InsertItem(index, item);
    }

    public List<Activity> Snapshot()
    {
        lock (_lock) return [.. Items];
    }
}
