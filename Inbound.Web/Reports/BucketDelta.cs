using Inbound.Domain.Reports;

namespace Inbound.Web.Reports;

/// <summary>Identifies a <see cref="ReportBucket"/>.</summary>
public readonly record struct BucketKey(BucketGrain Grain, DateTime Start, Guid TeamId, ReportDimension Dimension, string Key);

/// <summary>What one change of conversation facts adds to (or, negative, takes from) one bucket.</summary>
public sealed class BucketDelta
{
    private readonly int[] _outcomes = new int[Enum.GetValues<WorkflowOutcome>().Length];
    private readonly List<(TimeSpan Duration, int Times)>[] _durations = [[], [], []];

    public int Opened { get; set; }
    public int Closed { get; set; }
    public int Reopened { get; set; }
    public int FirstResponseBreaches { get; set; }
    public int ResolutionBreaches { get; set; }

    /// <summary>Ratings given, by rating: [0] counts the 1s … [4] the 5s.</summary>
    public int[] Ratings { get; } = new int[5];

    public int Outcome(WorkflowOutcome outcome) => _outcomes[(int)outcome];

    public void CountOutcome(WorkflowOutcome outcome, int sign) => _outcomes[(int)outcome] += sign;

    public IReadOnlyList<(TimeSpan Duration, int Times)> Durations(DurationMetric metric) => _durations[(int)metric];

    public void AddDuration(DurationMetric metric, TimeSpan duration, int sign)
    {
        var list = _durations[(int)metric];
        var at = list.FindIndex(d => d.Duration == duration);
        if (at < 0) list.Add((duration, sign));
        else if (list[at].Times + sign == 0) list.RemoveAt(at);
        else list[at] = (duration, list[at].Times + sign);
    }

    /// <summary>Nothing to write: the old and the new facts put the same into this bucket.</summary>
    public bool IsEmpty => Opened == 0 && Closed == 0 && Reopened == 0 && FirstResponseBreaches == 0 && ResolutionBreaches == 0
        && Ratings.All(r => r == 0) && _outcomes.All(o => o == 0) && _durations.All(d => d.Count == 0);
}
