using Inbound.Domain.SeedWork;
using Inbound.Domain.Workflows;

namespace Inbound.Domain.Teams;

/// <summary>A group of agents that conversations are routed to (Sales, Support, Billing…).</summary>
public sealed class Team : Entity
{
    private readonly List<TeamMember> _members = [];

    private Team() { Name = ""; }

    public Team(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A team needs a name.");
        Name = name.Trim();
    }

    public string Name { get; private set; }
    public IReadOnlyCollection<TeamMember> Members => _members;

    /// <summary>An IANA time zone id: the team's hours are read in it.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>When the team works; empty means no hours are set (workflows keep their own).</summary>
    public List<OpeningHours> BusinessHours { get; private set; } = [];

    /// <summary>Sets the team's working week; the time zone must be one the server knows.</summary>
    public void SetBusinessHours(string timeZone, IReadOnlyCollection<OpeningHours> hours, DateTime now = default)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out _))
            throw new DomainException($"\"{timeZone}\" is not a time zone; use an id such as Europe/Berlin.");
        if (hours.Any(h => h.Closes <= h.Opens && h.Closes != TimeOnly.MinValue))
            throw new DomainException("Each day's closing time must come after its opening time.");
        TimeZone = timeZone.Trim();
        BusinessHours = [.. hours.OrderBy(h => ((int)h.Day + 6) % 7)];
        Raise(new TeamHoursChanged(Id, now));
    }

    /// <summary>
    /// How long the oldest unassigned conversation may wait before the team's supervisors are alerted; null: no alert.
    /// </summary>
    public int? WaitAlertMinutes { get; private set; }

    public void SetWaitAlert(int? minutes)
    {
        if (minutes is < 1 or > 24 * 60) throw new DomainException("The wait alert is between 1 minute and 24 hours.");
        WaitAlertMinutes = minutes;
    }

    /// <summary>How long, in the team's business hours, a conversation may wait for a person's first reply; null: no target.</summary>
    public TimeSpan? FirstResponseTarget { get; private set; }

    /// <summary>How long, in the team's business hours, a conversation may stay open; null: no target.</summary>
    public TimeSpan? ResolutionTarget { get; private set; }

    public Sla.SlaTargets SlaTargets => new(FirstResponseTarget, ResolutionTarget);

    /// <summary>Sets the SLA; conversations already with the team keep the due times they were given.</summary>
    public void SetSlaTargets(Sla.SlaTargets targets)
    {
        targets.Validate();
        FirstResponseTarget = targets.FirstResponse;
        ResolutionTarget = targets.Resolution;
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A team needs a name.");
        Name = name.Trim();
    }

    public bool HasMember(Guid agentId) => _members.Any(m => m.AgentId == agentId);

    public void AddMember(Guid agentId, DateTime now = default)
    {
        if (HasMember(agentId)) return;
        _members.Add(new TeamMember(Id, agentId));
        Raise(new TeamMemberAdded(Id, agentId, now));
    }

    public void RemoveMember(Guid agentId) => _members.RemoveAll(m => m.AgentId == agentId);
}
