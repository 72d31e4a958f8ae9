using Inbound.Domain.Conversations;
using Inbound.Web.Accounts;

namespace Inbound.Web.Inbox;

/// <summary>
/// Who is looking at the inbox and what they may see: an agent sees conversations assigned to them and the
/// unassigned queue of their teams; a supervisor sees everything in their teams; an admin sees all.
/// </summary>
public sealed record InboxViewer(string UserId, Guid AgentId, string Name, string Role, IReadOnlySet<Guid> TeamIds)
{
    public bool IsAdmin => Role == Roles.Admin;
    public bool IsSupervisor => Role == Roles.Supervisor;

    public bool CanSee(Conversation c) => CanSee(c.AssigneeId, c.TeamId);

    public bool CanSee(Guid? assigneeId, Guid? teamId) =>
        IsAdmin
        || assigneeId == AgentId
        || (IsSupervisor && teamId is { } t && TeamIds.Contains(t))
        || (assigneeId is null && teamId is { } q && TeamIds.Contains(q));

    /// <summary>Replying, noting, closing and reassigning: the assignee, the queue's team members, supervisors of the team, admins.</summary>
    public bool CanAct(Conversation c) => CanSee(c);

    /// <summary>Whether this viewer may listen to a team's live group.</summary>
    public bool CanWatchTeam(Guid teamId) => IsAdmin || TeamIds.Contains(teamId);
}
