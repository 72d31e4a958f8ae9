namespace Inbound.Web.Knowledge;

/// <summary>
/// Wakes the indexer when an article waits, and tells searches when the indexed set changed (a version number they
/// compare with the one their cache was built at).
/// </summary>
public sealed class KnowledgeIndexSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private int _version;

    public int Version => Volatile.Read(ref _version);

    public void Wake()
    {
        // At most one wake-up is kept: the indexer takes every pending article each time it wakes.
        if (_pending.CurrentCount == 0) try { _pending.Release(); } catch (SemaphoreFullException) { }
    }

    public void Changed() => Interlocked.Increment(ref _version);

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
