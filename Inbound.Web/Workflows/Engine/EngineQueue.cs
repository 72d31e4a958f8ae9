using System.Threading.Channels;

namespace Inbound.Web.Workflows.Engine;

/// <summary>The engine's inbox: event handlers write, the one engine worker reads in batches.</summary>
public sealed class EngineQueue
{
    private readonly Channel<EngineWork> _channel = Channel.CreateUnbounded<EngineWork>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<EngineWork> Reader => _channel.Reader;

    public void Enqueue(EngineWork work) => _channel.Writer.TryWrite(work);

    public void Complete() => _channel.Writer.TryComplete();
}
