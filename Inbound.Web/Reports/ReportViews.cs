using Inbound.Domain.Reports;

namespace Inbound.Web.Reports;

/// <summary>A duration figure: the nearest-rank median and 90th percentile of <see cref="Count"/> values.</summary>
public sealed record DurationStats(long Count, TimeSpan? Median, TimeSpan? P90)
{
    public static DurationStats Of(DurationHistogram histogram) => new(histogram.Count, histogram.Median, histogram.P90);
}

/// <summary>One line of a breakdown (a team, an agent, a channel, a workflow, a source), or the period's totals.</summary>
public sealed record ReportRow(string Key, string Name, int Opened, int Closed, int Reopened,
    DurationStats FirstResponse, DurationStats Assignment, DurationStats Resolution, SlaBreachCounts Breaches, CsatScore Csat);

/// <summary>Targets missed, counted in the period the breach check saw them.</summary>
public sealed record SlaBreachCounts(int FirstResponse, int Resolution)
{
    public int Total => FirstResponse + Resolution;
}

/// <summary>Ratings given in the period: <see cref="Ratings"/>[0] counts the 1s … [4] the 5s.</summary>
public sealed record CsatScore(int[] Ratings)
{
    public int Count => Ratings.Sum();

    /// <summary>The mean rating to two decimals, or null when nobody rated.</summary>
    public double? Average => Count == 0 ? null : Math.Round(Ratings.Select((n, i) => n * (i + 1.0)).Sum() / Count, 2);
}

/// <summary>A contact's comment with their rating, newest first in the report.</summary>
public sealed record CsatCommentRow(Guid ConversationId, string Contact, string Team, int Rating, string Comment, DateTime RatedAt);

/// <summary>Where each workflow left the conversations it opened on.</summary>
public sealed record OutcomeRow(string Key, string Name, int Assigned, int Queued, int NobodyAvailable, int QuestionTimedOut)
{
    public int Count(WorkflowOutcome outcome) => outcome switch
    {
        WorkflowOutcome.Assigned => Assigned,
        WorkflowOutcome.Queued => Queued,
        WorkflowOutcome.NobodyAvailable => NobodyAvailable,
        _ => QuestionTimedOut,
    };
}

public sealed record CategoryRow(string Category, int Closed);

/// <summary>Conversations opened by weekday (Monday first) and hour of day, in the report's time zone.</summary>
public sealed record HeatMap(int[][] Opened)
{
    public static HeatMap Empty() => new(Enumerable.Range(0, 7).Select(_ => new int[24]).ToArray());

    /// <summary>Monday = 0 … Sunday = 6.</summary>
    public static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}

/// <summary>A report; <see cref="From"/> to <see cref="To"/> are whole days in <see cref="Zone"/> (an IANA id).</summary>
public sealed record ReportResult(
    DateOnly From,
    DateOnly To,
    string Zone,
    Guid? TeamId,
    ReportRow Totals,
    IReadOnlyList<ReportRow> Teams,
    IReadOnlyList<ReportRow> Agents,
    IReadOnlyList<ReportRow> Channels,
    IReadOnlyList<ReportRow> Workflows,
    IReadOnlyList<ReportRow> Sources,
    IReadOnlyList<OutcomeRow> Outcomes,
    IReadOnlyList<CategoryRow> Categories,
    HeatMap Hours,
    IReadOnlyList<CsatCommentRow> Comments);
