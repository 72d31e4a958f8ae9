using System.Collections.Concurrent;

namespace Inbound.Web.Operations;

/// <summary>The node's background workers' heartbeats, by name; each worker registers its own when it is built.</summary>
public sealed class WorkerHeartbeats(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, WorkerHeartbeat> _workers = new();

    public WorkerHeartbeat Register(string name) => _workers.GetOrAdd(name, n => new WorkerHeartbeat(n, clock));

    public IReadOnlyCollection<WorkerHeartbeat> All => [.. _workers.Values.OrderBy(w => w.Name, StringComparer.Ordinal)];
}
