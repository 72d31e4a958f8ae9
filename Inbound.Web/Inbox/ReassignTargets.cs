using Inbound.Domain.Agents;
using Inbound.Web.Accounts;

namespace Inbound.Web.Inbox;

/// <summary>Whom a conversation can be handed to, in the order the reassign dialog lists them.</summary>
/// <param name="TeamName">The conversation's team, whose agents are listed first.</param>
public sealed record ReassignTargets(IReadOnlyList<AgentOption> Agents, IReadOnlyList<TeamChoice> Teams, string? TeamName = null);

/// <param name="InTeam">A member of the conversation's team (or, for one without a team, of the viewer's).</param>
public sealed record AgentOption(Guid Id, string Name, AgentAvailability Availability, string Role, int Open, int Capacity, bool InTeam)
{
    public bool IsAgent => Role == Roles.Agent;

    /// <summary>Online with room: a conversation handed over is answered, not left waiting.</summary>
    public bool IsFree => Availability == AgentAvailability.Online && Open < Capacity;

    /// <summary>0: agents of the team, 1: other agents, 2: supervisors and admins.</summary>
    public int Group => !IsAgent ? 2 : InTeam ? 0 : 1;

    /// <summary>A conversation handed to them would wait: they are not online, or have no room.</summary>
    public bool WouldWait => Availability != AgentAvailability.Online || Open >= Capacity;
}

/// <param name="Free">Members online with room: with none, the conversation waits in the queue.</param>
public sealed record TeamChoice(Guid Id, string Name, int Free);
