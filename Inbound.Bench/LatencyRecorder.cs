using System.Diagnostics;

namespace Inbound.Bench;

/// <summary>Collects per-operation latencies (thread-safe) and reports percentiles.</summary>
public sealed class LatencyRecorder(int capacity)
{
    private readonly double[] _millis = new double[capacity];
    private int _count;

    public void Record(long startTimestamp) =>
        _millis[Interlocked.Increment(ref _count) - 1] = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    /// <summary>Records a latency measured between two timestamps taken elsewhere (e.g. on another thread).</summary>
    public void Record(long startTimestamp, long endTimestamp) =>
        _millis[Interlocked.Increment(ref _count) - 1] = Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds;

    public int Count => _count;

    public double Percentile(double p)
    {
        var sorted = _millis.AsSpan(0, _count).ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
