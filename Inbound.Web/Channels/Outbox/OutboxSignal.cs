namespace Inbound.Web.Channels.Outbox;

/// <summary>
/// Wakes this node's sender the moment a commit queued something, so a reply leaves in milliseconds rather than at
/// the next poll; rows written by another node are found by the poll.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        // One pending wake-up is enough: the sender drains everything that is due each time it wakes.
        try { _pending.Release(); } catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
