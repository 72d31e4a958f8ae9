using Inbound.Domain.Sla;

namespace Inbound.Domain.Conversations;

/// <summary>The conversation's SLA clock: when its team's targets fall due, and which of them the breach check still has to look at.</summary>
public sealed partial class Conversation
{
    /// <summary>The team whose targets gave the due times; a move to another team sets them afresh.</summary>
    public Guid? SlaTeamId { get; private set; }

    /// <summary>When a person's first reply is due (business time from opening), or null without a target.</summary>
    public DateTime? FirstResponseDueAt { get; private set; }

    /// <summary>When the conversation should be closed (business time from opening), or null without a target.</summary>
    public DateTime? ResolutionDueAt { get; private set; }

    /// <summary>
    /// The next due time the breach check has not looked at yet; null once every target is settled. Indexed, so the
    /// check reads only conversations falling due, not every one that ever had an SLA.
    /// </summary>
    public DateTime? SlaCheckAt { get; private set; }

    /// <summary>Whether the conversation sits with a team whose SLA it has not been given yet.</summary>
    public bool NeedsSlaOf(out Guid teamId)
    {
        teamId = TeamId ?? Guid.Empty;
        return IsOpen && TeamId is not null && TeamId != SlaTeamId;
    }

    /// <summary>Gives the conversation its team's targets, counted from when it opened on the team's clock.</summary>
    public void StartSla(Guid teamId, SlaTargets targets, Teams.BusinessClock clock)
    {
        SlaTeamId = teamId;
        FirstResponseDueAt = targets.FirstResponse is { } first ? clock.AddOpenTime(OpenedAt, first) : null;
        ResolutionDueAt = targets.Resolution is { } resolution ? clock.AddOpenTime(OpenedAt, resolution) : null;
        SlaCheckAt = Earliest(FirstResponseDueAt, ResolutionDueAt);
    }

    /// <summary>The target an agent races now: the first reply until there is one, then the resolution; null when closed or none.</summary>
    public (SlaKind Kind, DateTime DueAt)? NextSlaDue => !IsOpen ? null
        : FirstResponseAt is null && FirstResponseDueAt is { } first ? (SlaKind.FirstResponse, first)
        : ResolutionDueAt is { } resolution ? (SlaKind.Resolution, resolution) : null;

    /// <summary>
    /// Looks at every target that fell due by <paramref name="now"/> and was not looked at yet: a first reply that came
    /// late or not at all, a close that came late or not at all, is a breach. Then waits for the next due time.
    /// </summary>
    public IReadOnlyList<SlaBreach> CheckSla(DateTime now)
    {
        if (SlaCheckAt is not { } from || from > now || SlaTeamId is not { } team) return [];
        var breaches = new List<SlaBreach>();
        if (FirstResponseDueAt is { } first && first >= from && first <= now && !(FirstResponseAt <= first))
            breaches.Add(new SlaBreach(Id, team, AssigneeId, SlaKind.FirstResponse, first, now));
        if (ResolutionDueAt is { } resolution && resolution >= from && resolution <= now && !(ClosedAt <= resolution))
            breaches.Add(new SlaBreach(Id, team, AssigneeId, SlaKind.Resolution, resolution, now));
        SlaCheckAt = Earliest(FirstResponseDueAt > now ? FirstResponseDueAt : null, ResolutionDueAt > now ? ResolutionDueAt : null);
        foreach (var breach in breaches) Raise(new SlaBreached(Id, team, breach.AgentId, breach.Kind, breach.DueAt, now));
        return breaches;
    }

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
