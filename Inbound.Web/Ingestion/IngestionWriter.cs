using Microsoft.Extensions.Options;

namespace Inbound.Web.Ingestion;

/// <summary>The node's one ingestion writer: drains the queue in batches, one transaction per batch.</summary>
internal sealed class IngestionWriter(IngestionQueue queue, MessageBatchWriter writer, IOptions<IngestionOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        var batch = new List<PendingMessage>(options.Value.MaxBatchSize);
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < options.Value.MaxBatchSize && reader.TryRead(out var pending)) batch.Add(pending);
            await writer.WriteAsync(batch, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }
}
