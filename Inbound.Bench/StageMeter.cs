using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Inbound.Web.Diagnostics;

namespace Inbound.Bench;

/// <summary>
/// Listens to the app's stage histograms (<see cref="InboundMetrics"/>) during a measured phase and prints their
/// percentiles, so that a latency reads as the sum of its queues and database steps.
/// </summary>
public sealed class StageMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _values = new();
    private volatile bool _stopped;

    public StageMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InboundMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument, value));
        _listener.Start();
    }

    /// <summary>Forgets what was recorded so far (set-up and warm-up) and records again.</summary>
    public void Reset()
    {
        _values.Clear();
        _stopped = false;
    }

    /// <summary>Keeps what was recorded and ignores what follows (the phases after the measured one).</summary>
    public void Stop() => _stopped = true;

    public void Print(string title)
    {
        Console.WriteLine($"  stages, {title}:");
        foreach (var (name, queue) in _values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var sorted = queue.ToArray();
            Array.Sort(sorted);
            double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
            Console.WriteLine($"    {name,-32} n {sorted.Length,7:N0}   p50 {At(50),8:N2}   p90 {At(90),8:N2}   p99 {At(99),8:N2}   max {At(100),8:N2}");
        }
    }

    private void Add(Instrument instrument, double value)
    {
        if (!_stopped) _values.GetOrAdd(instrument.Name, _ => new ConcurrentQueue<double>()).Enqueue(value);
    }

    public void Dispose() => _listener.Dispose();
}
