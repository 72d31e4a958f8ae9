using System.Diagnostics;
using System.Threading.Channels;
using Inbound.Web.Diagnostics;

namespace Inbound.Web.Workflows.Engine;

/// <summary>The engine's inbox: event handlers write, the one engine worker reads in batches.</summary>
public sealed class EngineQueue
{
    private readonly Channel<QueuedWork> _channel = Channel.CreateUnbounded<QueuedWork>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<QueuedWork> Reader => _channel.Reader;

    public void Enqueue(EngineWork work) => _channel.Writer.TryWrite(new QueuedWork(work, Stopwatch.GetTimestamp(), InboundTracing.CurrentContext));

    public void Complete() => _channel.Writer.TryComplete();
}

/// <summary>Engine work with the time it was queued, for the engine's queue-wait metric, and the trace that queued it.</summary>
internal readonly record struct QueuedWork(EngineWork Work, long QueuedAt, ActivityContext QueuedBy);
