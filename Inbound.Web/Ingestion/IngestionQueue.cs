using System.Diagnostics;
using System.Threading.Channels;
using Inbound.Web.Diagnostics;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Ingestion;

/// <summary>
/// Hands accepted messages to the single <see cref="IngestionWriter"/> and lets the sender await the stored result.
/// One writer per node turns many small writes into few transactions (SQLite has one writer at a time anyway).
/// </summary>
public sealed class IngestionQueue(IOptions<IngestionOptions> options)
{
    private readonly Channel<PendingMessage> _pending = Channel.CreateBounded<PendingMessage>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<PendingMessage> Reader => _pending.Reader;

    public async Task<IngestionResponse> SubmitAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var pending = new PendingMessage(message);
        await _pending.Writer.WriteAsync(pending, cancellationToken);
        // Once queued the message is stored even if the sender goes away; the sender's retry then finds it.
        var response = await pending.Completion.Task.WaitAsync(cancellationToken);
        InboundMetrics.IngestionResume.Record(InboundMetrics.Since(pending.CommittedAt));
        return response;
    }

    internal void Complete() => _pending.Writer.TryComplete();
}

internal sealed class PendingMessage(IncomingMessage message)
{
    public IncomingMessage Message { get; } = message;
    public long QueuedAt { get; } = Stopwatch.GetTimestamp();
    public ActivityContext QueuedBy { get; } = InboundTracing.CurrentContext;
    public long CommittedAt { get; set; }
    public TaskCompletionSource<IngestionResponse> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
