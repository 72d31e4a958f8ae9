using StackExchange.Redis;

namespace Inbound.Web.ScaleOut;

/// <summary>
/// Redis pub/sub between nodes. Each message carries the id of the node that sent it, so that a node skips its own.
/// Subscriptions read through a <see cref="ChannelMessageQueue"/>, which hands messages over one at a time in the order
/// Redis delivered them: inbox events of one conversation must not overtake each other.
/// </summary>
internal sealed class RedisNodeBus(IConnectionMultiplexer redis, string prefix, ILogger<RedisNodeBus> logger) : NodeBus
{
    private const char Separator = '\n';
    private readonly string _nodeId = Guid.NewGuid().ToString("N");

    public override bool ReachesOtherNodes => true;

    public override void Publish(string topic, string message) =>
        // Fire and forget: the change is committed, and a publisher must not wait for Redis to answer.
        redis.GetSubscriber().Publish(Channel(topic), _nodeId + Separator + message, CommandFlags.FireAndForget);

    public override IDisposable Subscribe(string topic, Action<string> onMessage)
    {
        // Not waiting for Redis to confirm: a node that starts while Redis is down must start (and report itself not
        // ready); the subscription is kept by the connection and sent, or sent again, whenever it (re)connects.
        var queue = redis.GetSubscriber().Subscribe(Channel(topic), CommandFlags.FireAndForget);
        queue.OnMessage(delivered =>
        {
            var text = (string?)delivered.Message;
            var split = text?.IndexOf(Separator) ?? -1;
            if (split < 0 || text.AsSpan(0, split).SequenceEqual(_nodeId)) return;
            try
            {
                onMessage(text![(split + 1)..]);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Handling a message from another node on {Topic} failed", topic);
            }
        });
        return new Unsubscribe(queue);
    }

    private RedisChannel Channel(string topic) => RedisChannel.Literal($"{prefix}:{topic}");

    private sealed class Unsubscribe(ChannelMessageQueue queue) : IDisposable
    {
        public void Dispose() => queue.Unsubscribe(CommandFlags.FireAndForget);
    }
}
