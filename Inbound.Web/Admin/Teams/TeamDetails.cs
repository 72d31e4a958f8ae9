using Inbound.Domain.Workflows;

namespace Inbound.Web.Admin.Teams;

public sealed record TeamMemberInfo(Guid AgentId, string Name, string Email, string Role, int Capacity, bool Active);

/// <summary>A team as its settings show it: supervisors are the members whose role is Supervisor.</summary>
public sealed record TeamDetails(Guid Id, string Name, string TimeZone, IReadOnlyList<OpeningHours> BusinessHours,
    IReadOnlyList<TeamMemberInfo> Members, int OpenConversations)
{
    public IEnumerable<TeamMemberInfo> Supervisors => Members.Where(m => m.Role == Accounts.Roles.Supervisor);
}

public sealed record TeamHours(string TimeZone, IReadOnlyList<OpeningHours> Hours);
