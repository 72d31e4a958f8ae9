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

        // A span is exported when it ends, and the engine may finish its batch before the ingestion batch that queued it
        // (or the request above that) has ended: wait for the whole chain, from the engine batch that opened the conversation.
        var chain = await Eventually.GetAsync(() =>
        {
            var exported = Snapshot(spans);
            var engineBatch = exported.FirstOrDefault(a => a.DisplayName == "engine batch"
                && ((string?)a.GetTagItem("inbound.engine.work"))?.Contains("ConversationOpened", StringComparison.Ordinal) == true);
            var batch = engineBatch is null ? null : exported.FirstOrDefault(a => a.SpanId == engineBatch.ParentSpanId);
            var post = batch is null ? null : exported.FirstOrDefault(a => a.SpanId == batch.ParentSpanId);
            return Task.FromResult(post is null ? null : new[] { engineBatch!, batch!, post });
        }, "the engine batch, the ingestion batch it came from and the message's request");
        var (engine, ingestion, request) = (chain[0], chain[1], chain[2]);
        var all = Snapshot(spans);
        Assert.Equal("ingestion batch", ingestion.DisplayName);
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
