using Inbound.Domain.Reports;

namespace Inbound.Web.Reports;

/// <summary>
/// Turns a conversation's facts into what they add to (sign +1) or take from (-1) the report buckets: on a change
/// the projection takes the old contribution out and puts the new one in, so that a conversation moved to another team
/// or agent after it was counted moves its counts with it.
/// </summary>
public static class ReportContributions
{
    public static void Add(Dictionary<BucketKey, BucketDelta> deltas, ConversationFact fact, int sign)
    {
        var team = fact.TeamId ?? Guid.Empty;
        (ReportDimension, string)[] dimensions =
        [
            (ReportDimension.Team, ""),
            (ReportDimension.Agent, fact.AgentId?.ToString() ?? ""),
            (ReportDimension.Channel, fact.ChannelId.ToString()),
            (ReportDimension.Workflow, fact.WorkflowId?.ToString() ?? ""),
            (ReportDimension.Source, fact.Source.ToString()),
        ];
        foreach (var (dimension, key) in dimensions)
        {
            foreach (var delta in At(deltas, fact.OpenedAt, team, dimension, key))
            {
                delta.Opened += sign;
                if (fact.Reopened) delta.Reopened += sign;
                if (fact.Outcome is { } outcome) delta.CountOutcome(outcome, sign);
            }
            if (fact.AssignedAt is { } assigned)
                foreach (var delta in At(deltas, assigned, team, dimension, key)) delta.AddDuration(DurationMetric.Assignment, assigned - fact.OpenedAt, sign);
            if (fact.FirstResponseAt is { } answered)
                foreach (var delta in At(deltas, answered, team, dimension, key)) delta.AddDuration(DurationMetric.FirstResponse, answered - fact.OpenedAt, sign);
            if (fact.ClosedAt is { } closed)
                foreach (var delta in At(deltas, closed, team, dimension, key))
                {
                    delta.Closed += sign;
                    delta.AddDuration(DurationMetric.Resolution, closed - fact.OpenedAt, sign);
                }
            if (fact.FirstResponseBreachedAt is { } missedReply)
                foreach (var delta in At(deltas, missedReply, team, dimension, key)) delta.FirstResponseBreaches += sign;
            if (fact.ResolutionBreachedAt is { } missedClose)
                foreach (var delta in At(deltas, missedClose, team, dimension, key)) delta.ResolutionBreaches += sign;
            if (fact is { CsatRating: { } rating and >= 1 and <= 5, CsatRatedAt: { } rated })
                foreach (var delta in At(deltas, rated, team, dimension, key)) delta.Ratings[rating - 1] += sign;
        }
        if (fact is { ClosedAt: { } closedAt, ClosingCategory: { } category })
            foreach (var delta in At(deltas, closedAt, team, ReportDimension.Category, category)) delta.Closed += sign;
    }

    public static DateTime HourOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

    private static IEnumerable<BucketDelta> At(Dictionary<BucketKey, BucketDelta> deltas, DateTime at, Guid team, ReportDimension dimension, string key)
    {
        yield return Get(deltas, new BucketKey(BucketGrain.Hour, HourOf(at), team, dimension, key));
        yield return Get(deltas, new BucketKey(BucketGrain.Day, DateTime.SpecifyKind(at.Date, DateTimeKind.Utc), team, dimension, key));
    }

    private static BucketDelta Get(Dictionary<BucketKey, BucketDelta> deltas, BucketKey key)
    {
        if (!deltas.TryGetValue(key, out var delta)) deltas[key] = delta = new BucketDelta();
        return delta;
    }
}
