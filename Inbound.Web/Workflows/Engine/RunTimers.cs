namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// The timers of waiting runs, in memory, driven by <see cref="TimeProvider"/> (a fake clock in tests): one timer is
/// armed for the earliest due run; when it fires every due run is handed to the engine. The engine re-arms them from
/// the database at start, so an overdue timer fires right after a restart.
/// </summary>
public sealed class RunTimers(TimeProvider clock, EngineQueue queue) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SortedSet<(DateTime Due, Guid RunId)> _due = [];
    private readonly Dictionary<Guid, DateTime> _byRun = [];
    private readonly Dictionary<Guid, EngineWork> _work = [];
    private ITimer? _timer;
    private DateTime? _armedFor;

    public void Schedule(Guid runId, DateTime dueUtc)
    {
        lock (_lock)
        {
            if (_byRun.TryGetValue(runId, out var existing)) _due.Remove((existing, runId));
            _byRun[runId] = dueUtc;
            _due.Add((dueUtc, runId));
            Arm();
        }
    }

    /// <summary>A timer for other engine work than a run's (an inactivity watch), under its own id.</summary>
    public void Schedule(Guid id, DateTime dueUtc, EngineWork work)
    {
        lock (_lock) _work[id] = work;
        Schedule(id, dueUtc);
    }

    public void Cancel(Guid runId)
    {
        lock (_lock)
        {
            if (_byRun.Remove(runId, out var due)) _due.Remove((due, runId));
        }
    }

    private void Fire()
    {
        lock (_lock)
        {
            _armedFor = null;
            var now = clock.GetUtcNow().UtcDateTime;
            while (_due.Count > 0 && _due.Min.Due <= now)
            {
                var (_, runId) = _due.Min;
                _due.Remove(_due.Min);
                _byRun.Remove(runId);
                queue.Enqueue(_work.Remove(runId, out var work) ? work : new EngineWork.TimerDue(runId));
            }
            Arm();
        }
    }

    private void Arm()
    {
        if (_due.Count == 0) return;
        var next = _due.Min.Due;
        if (_armedFor is { } armed && armed <= next) return;
        _armedFor = next;
        var delay = next - clock.GetUtcNow().UtcDateTime;
        _timer?.Dispose();
        _timer = null;
        // Overdue: fire off this thread, since a timer due now may call back before CreateTimer returns.
        if (delay <= TimeSpan.Zero) ThreadPool.QueueUserWorkItem(_ => Fire());
        else _timer = clock.CreateTimer(_ => Fire(), null, delay, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        lock (_lock) _timer?.Dispose();
    }
}
