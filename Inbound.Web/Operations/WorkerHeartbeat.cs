namespace Inbound.Web.Operations;

/// <summary>
/// One background worker's pulse, read by the readiness check. A worker says when it starts a unit of work and when
/// it goes back to waiting; it is lagging when one unit of work has run longer than the bound, or when a worker that
/// promised to wake by a time (a poll, a periodic check) has not come back by then. A worker waiting for a queue that
/// is empty is idle, not late: nothing is due.
/// </summary>
public sealed class WorkerHeartbeat
{
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private WorkerPulse _pulse;

    internal WorkerHeartbeat(string name, TimeProvider clock)
    {
        Name = name;
        _clock = clock;
        // Starting up is work too: a start-up catch-up that never ends is as stuck as a batch that never ends.
        _pulse = new WorkerPulse(WorkerState.Working, clock.GetUtcNow(), null);
    }

    public string Name { get; }

    /// <summary>The worker took a unit of work (a batch, a round, a check).</summary>
    public void Working() => Set(WorkerState.Working, null);

    /// <summary>The worker waits for work that may never come (a queue): it is idle, however long that lasts.</summary>
    public void Idle() => Set(WorkerState.Idle, null);

    /// <summary>The worker sleeps and will be back within <paramref name="wakeWithin"/> (a poll or a periodic check).</summary>
    public void Sleeping(TimeSpan wakeWithin) => Set(WorkerState.Idle, _clock.GetUtcNow() + wakeWithin);

    public WorkerPulse Read()
    {
        lock (_lock) return _pulse;
    }

    /// <summary>How long the worker has been late at <paramref name="now"/>: zero while it keeps its word.</summary>
    public TimeSpan LateBy(DateTimeOffset now)
    {
        var pulse = Read();
        var late = pulse.State == WorkerState.Working ? now - pulse.Since : pulse.WakeBy is { } wakeBy ? now - wakeBy : TimeSpan.Zero;
        return late > TimeSpan.Zero ? late : TimeSpan.Zero;
    }

    private void Set(WorkerState state, DateTimeOffset? wakeBy)
    {
        var now = _clock.GetUtcNow();
        lock (_lock) _pulse = new WorkerPulse(state, now, wakeBy);
    }
}

public enum WorkerState { Idle, Working }

/// <param name="Since">When the worker entered this state.</param>
/// <param name="WakeBy">When a sleeping worker promised to be back; null while it waits for work or works.</param>
public readonly record struct WorkerPulse(WorkerState State, DateTimeOffset Since, DateTimeOffset? WakeBy);
