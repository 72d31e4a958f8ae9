using System.Diagnostics;
using Inbound.Domain.Events;
using Inbound.Web.Diagnostics;
using Inbound.Web.Operations;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Ingestion;

/// <summary>
/// The node's one ingestion writer: drains the queue in batches, one transaction per batch. A batch's events
/// are published while the next batch is written, in order, so that subscribers never slow ingestion down.
/// </summary>
internal sealed class IngestionWriter(IngestionQueue queue, MessageBatchWriter writer, IDomainEventPublisher publisher, IOptions<IngestionOptions> options,
    WorkerHeartbeats heartbeats) : BackgroundService
{
    private readonly WorkerHeartbeat _pulse = heartbeats.Register("ingestion");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        var publishing = Task.CompletedTask;
        _pulse.Idle();
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            _pulse.Working();
            var batch = new List<PendingMessage>(options.Value.MaxBatchSize);
            while (batch.Count < options.Value.MaxBatchSize && reader.TryRead(out var pending)) batch.Add(pending);
            var started = Stopwatch.GetTimestamp();
            foreach (var pending in batch) InboundMetrics.IngestionQueueWait.Record(Stopwatch.GetElapsedTime(pending.QueuedAt, started).TotalMilliseconds);
            InboundMetrics.IngestionBatchSize.Record(batch.Count);
            // The span covers the write and the start of publishing, so the engine work the events queue carries it.
            using (var span = InboundTracing.StartBatch("ingestion batch", batch.Select(p => p.QueuedBy), batch.Count))
            {
                var events = await writer.WriteAsync(batch, stoppingToken);
                span?.SetTag("inbound.events", events.Count);
                await publishing;
                publishing = publisher.PublishAsync(events, stoppingToken);
            }
            _pulse.Idle();
        }
        await publishing;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }
}
