using Inbound.Domain.Reports;

namespace Inbound.Web.Reports;

/// <summary>
/// The counts and duration histograms of one team's conversations for one hour (or UTC day), under one dimension
/// value (an agent, a channel, a workflow, a source, a closing category, or the team as a whole). Each figure is
/// counted in the bucket of the moment it happened: opened at opening, closed and resolution time at closing, first
/// response and assignment times when they happened, SLA breaches when seen and CSAT ratings when given.
/// </summary>
public sealed class ReportBucket
{
    public BucketGrain Grain { get; set; }

    /// <summary>The bucket's first instant, in UTC.</summary>
    public DateTime Start { get; set; }

    /// <summary>Guid.Empty for conversations that never reached a team.</summary>
    public Guid TeamId { get; set; }

    public ReportDimension Dimension { get; set; }
    public string Key { get; set; } = "";

    public int Opened { get; set; }
    public int Closed { get; set; }
    public int Reopened { get; set; }
    public int Assigned { get; set; }
    public int Queued { get; set; }
    public int NobodyAvailable { get; set; }
    public int QuestionTimedOut { get; set; }
    public int FirstResponseBreaches { get; set; }
    public int ResolutionBreaches { get; set; }

    // Five counts rather than a sum: the distribution needs them, and the average follows from them.
    public int Rated1 { get; set; }
    public int Rated2 { get; set; }
    public int Rated3 { get; set; }
    public int Rated4 { get; set; }
    public int Rated5 { get; set; }
    public byte[] FirstResponse { get; set; } = [];
    public byte[] Assignment { get; set; } = [];
    public byte[] Resolution { get; set; } = [];

    public bool IsEmpty => Opened == 0 && Closed == 0 && Reopened == 0 && Assigned == 0 && Queued == 0 && NobodyAvailable == 0 && QuestionTimedOut == 0
        && FirstResponseBreaches == 0 && ResolutionBreaches == 0 && Rated1 == 0 && Rated2 == 0 && Rated3 == 0 && Rated4 == 0 && Rated5 == 0
        && FirstResponse.Length == 0 && Assignment.Length == 0 && Resolution.Length == 0;

    public void Apply(BucketDelta delta)
    {
        Opened += delta.Opened;
        Closed += delta.Closed;
        Reopened += delta.Reopened;
        Assigned += delta.Outcome(WorkflowOutcome.Assigned);
        Queued += delta.Outcome(WorkflowOutcome.Queued);
        NobodyAvailable += delta.Outcome(WorkflowOutcome.NobodyAvailable);
        QuestionTimedOut += delta.Outcome(WorkflowOutcome.QuestionTimedOut);
        FirstResponseBreaches += delta.FirstResponseBreaches;
        ResolutionBreaches += delta.ResolutionBreaches;
        Rated1 += delta.Ratings[0];
        Rated2 += delta.Ratings[1];
        Rated3 += delta.Ratings[2];
        Rated4 += delta.Ratings[3];
        Rated5 += delta.Ratings[4];
        FirstResponse = Changed(FirstResponse, delta, DurationMetric.FirstResponse);
        Assignment = Changed(Assignment, delta, DurationMetric.Assignment);
        Resolution = Changed(Resolution, delta, DurationMetric.Resolution);
    }

    private static byte[] Changed(byte[] stored, BucketDelta delta, DurationMetric metric)
    {
        var changes = delta.Durations(metric);
        if (changes.Count == 0) return stored;
        var histogram = DurationHistogram.FromBytes(stored);
        foreach (var (duration, times) in changes) histogram.Add(duration, times);
        return histogram.ToBytes();
    }
}
