using Inbound.Domain.Workflows;

namespace Inbound.Web.Admin.Teams;

public sealed record TeamMemberInfo(Guid AgentId, string Name, string Email, string Role, int Capacity, bool Active);

/// <summary>A team as its settings show it: supervisors are the members whose role is Supervisor.</summary>
public sealed record TeamDetails(Guid Id, string Name, string TimeZone, IReadOnlyList<OpeningHours> BusinessHours,
    IReadOnlyList<TeamMemberInfo> Members, int OpenConversations, int? WaitAlertMinutes = null,
    TimeSpan? FirstResponseTarget = null, TimeSpan? ResolutionTarget = null)
{
    public IEnumerable<TeamMemberInfo> Supervisors => Members.Where(m => m.Role == Accounts.Roles.Supervisor);
}

/// <summary>Minutes the oldest waiting conversation may wait before the team's supervisors are alerted; null turns it off.</summary>
public sealed record TeamWaitAlertRequest(int? Minutes);

/// <summary>The team's SLA in minutes of its business hours; null: no target of that kind.</summary>
public sealed record TeamSlaRequest(int? FirstResponseMinutes, int? ResolutionMinutes);

public sealed record TeamHours(string TimeZone, IReadOnlyList<OpeningHours> Hours);
