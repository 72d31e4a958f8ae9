using System.Threading.Channels;

namespace Inbound.Web.Classifier;

/// <summary>
/// Requests for a training and the state of the current one. Training takes seconds of CPU, so it never runs in a
/// request or a circuit's render: a request is queued here and <see cref="ClassifierTrainingWorker"/> does it, one at a
/// time. Pages subscribe to the state as to the other in-app notifiers.
/// </summary>
public sealed class ClassifierTraining
{
    private readonly Channel<TrainingRequest> _requests = Channel.CreateBounded<TrainingRequest>(1);
    private readonly Lock _lock = new();
    private readonly List<Action<TrainingState>> _listeners = [];

    public TrainingState State { get; private set; } = TrainingState.Idle;

    internal ChannelReader<TrainingRequest> Requests => _requests.Reader;

    /// <summary>Queues a training, unless one is already queued or running.</summary>
    public bool Request(bool nightly, DateTime now)
    {
        lock (_lock)
        {
            if (State.IsRunning || !_requests.Writer.TryWrite(new TrainingRequest(nightly))) return false;
        }
        Report(new TrainingState(TrainingPhase.Queued, now));
        return true;
    }

    internal void Report(TrainingState state)
    {
        Action<TrainingState>[] listeners;
        lock (_lock)
        {
            State = state;
            listeners = [.. _listeners];
        }
        foreach (var listener in listeners) listener(state);
    }

    public IDisposable Subscribe(Action<TrainingState> listener)
    {
        lock (_lock) _listeners.Add(listener);
        return new Subscription(() => { lock (_lock) _listeners.Remove(listener); });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

/// <param name="Nightly">Started by the nightly retraining: it may replace the approved model when the admin allowed it.</param>
public sealed record TrainingRequest(bool Nightly);
