using System.Buffers.Binary;

namespace Inbound.Domain.Reports;

/// <summary>
/// Counts of durations in fixed bins, so that an hour's or a day's durations add up to a period's without keeping
/// every value: merging is adding counts, and a percentile reads the bins in order.
/// Bins are exact to the second under a minute, then 10 s under 10 min, 1 min under 2 h, 10 min under 48 h and an
/// hour under 30 days: a percentile is the lower edge of its bin, so it is never more than ~8% (worst at 2 h) under
/// the true value, and values on a bin's edge (15 s, 90 s, 5 min, 3 h …) come back exactly.
/// </summary>
public sealed class DurationHistogram
{
    private const int Overflow = 1171;
    // Dense: a 90-day report merges tens of thousands of stored rows, and adding into an array is what keeps that
    // cheap (a dictionary lookup per stored bin was most of the report's time); 1,172 longs are ~9 KB per histogram.
    private readonly long[] _bins = new long[Overflow + 1];

    public long Count { get; private set; }

    public bool IsEmpty => Count == 0;

    public static int BinOf(TimeSpan duration)
    {
        var s = Math.Max(0, (long)duration.TotalSeconds);
        return s switch
        {
            < 60 => (int)s,
            < 600 => 60 + (int)((s - 60) / 10),
            < 7_200 => 114 + (int)((s - 600) / 60),
            < 172_800 => 224 + (int)((s - 7_200) / 600),
            < 2_592_000 => 499 + (int)((s - 172_800) / 3_600),
            _ => Overflow,
        };
    }

    public static TimeSpan LowerEdge(int bin) => TimeSpan.FromSeconds(bin switch
    {
        < 60 => bin,
        < 114 => 60 + (bin - 60) * 10L,
        < 224 => 600 + (bin - 114) * 60L,
        < 499 => 7_200 + (bin - 224) * 600L,
        < Overflow => 172_800 + (bin - 499) * 3_600L,
        _ => 2_592_000,
    });

    /// <param name="times">Negative to take values out again, as a conversation's facts change.</param>
    public void Add(TimeSpan duration, long times = 1) => AddToBin(BinOf(duration), times);

    public void Merge(DurationHistogram other)
    {
        for (var bin = 0; bin < _bins.Length; bin++) AddToBin(bin, other._bins[bin]);
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest value that at least <paramref name="fraction"/> of the values do not
    /// exceed (so the median of four values is the second). Null when there is no value.
    /// </summary>
    public TimeSpan? Percentile(double fraction)
    {
        if (Count <= 0) return null;
        var rank = Math.Max(1, (long)Math.Ceiling(fraction * Count));
        long seen = 0;
        var last = 0;
        for (var bin = 0; bin < _bins.Length; bin++)
        {
            if (_bins[bin] <= 0) continue;
            last = bin;
            seen += _bins[bin];
            if (seen >= rank) return LowerEdge(bin);
        }
        return LowerEdge(last);
    }

    public TimeSpan? Median => Percentile(0.5);

    public TimeSpan? P90 => Percentile(0.9);

    /// <summary>Stored as (bin: 2 bytes, count: 4 bytes) pairs, only for the bins in use.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_bins.Count(c => c > 0) * 6];
        var i = 0;
        for (var bin = 0; bin < _bins.Length; bin++)
        {
            var count = _bins[bin];
            if (count <= 0) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i), (ushort)bin);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i + 2), (int)count);
            i += 6;
        }
        return bytes;
    }

    public static DurationHistogram FromBytes(ReadOnlySpan<byte> bytes)
    {
        var histogram = new DurationHistogram();
        histogram.MergeBytes(bytes);
        return histogram;
    }

    /// <summary>Adds stored counts without building a histogram for each stored row: reports merge thousands.</summary>
    public void MergeBytes(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i + 6 <= bytes.Length; i += 6)
            AddToBin(BinaryPrimitives.ReadUInt16LittleEndian(bytes[i..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[(i + 2)..]));
    }

    private void AddToBin(int bin, long count)
    {
        if (count == 0) return;
        _bins[bin] = Math.Max(0, _bins[bin] + count);
        Count += count;
    }
}
