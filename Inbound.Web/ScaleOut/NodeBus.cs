namespace Inbound.Web.ScaleOut;

/// <summary>
/// Tells the other app nodes what happened on this one (a live inbox event, a cache to drop). A node never hears its
/// own messages: it has acted on them already. Delivery is best effort, as in-memory state is: what must not be lost
/// lives in the database.
/// </summary>
public abstract class NodeBus
{
    /// <summary>False on a single node: nobody to tell, so callers can skip building the message.</summary>
    public abstract bool ReachesOtherNodes { get; }

    public abstract void Publish(string topic, string message);

    /// <summary>Calls <paramref name="onMessage"/> with each message other nodes publish on the topic, one at a time, in order.</summary>
    public abstract IDisposable Subscribe(string topic, Action<string> onMessage);
}

/// <summary>One node on its own: nothing to tell, nothing to hear.</summary>
internal sealed class SingleNodeBus : NodeBus
{
    public override bool ReachesOtherNodes => false;

    public override void Publish(string topic, string message) { }

    public override IDisposable Subscribe(string topic, Action<string> onMessage) => Nothing.Instance;

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose() { }
    }
}
