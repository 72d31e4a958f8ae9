using Inbound.Domain.Agents;
using Inbound.Web.Accounts;

namespace Inbound.Web.Queues;

/// <summary>A member of a team as the queues page shows them: how loaded they are and how recently they answered.</summary>
public sealed record AgentLoad(Guid AgentId, string Name, AgentAvailability Availability, int Open, int Capacity, DateTime? LastReplyAt);

/// <summary>
/// One team's queue right now. Waits are kept as instants, not durations, so that the page can tick them every second
/// without reading anything again.
/// </summary>
public sealed record TeamQueueSummary(Guid TeamId, string Name, int Waiting, DateTime? OldestWaitingSince, int Open, int? WaitAlertMinutes,
    IReadOnlyList<AgentLoad> Agents)
{
    public int Online => Agents.Count(a => a.Availability == AgentAvailability.Online);
    public int Away => Agents.Count(a => a.Availability == AgentAvailability.Away);
    public int Offline => Agents.Count(a => a.Availability == AgentAvailability.Offline);

    public TimeSpan? LongestWait(DateTime now) => OldestWaitingSince is { } since ? Max(now - since) : null;

    /// <summary>Whether the oldest waiting conversation has waited past the team's alert threshold.</summary>
    public bool IsAlerting(DateTime now) =>
        WaitAlertMinutes is { } minutes && LongestWait(now) is { } wait && wait >= TimeSpan.FromMinutes(minutes);

    private static TimeSpan Max(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}

/// <summary>A conversation waiting in a team's queue for a person; position 1 is next.</summary>
public sealed record WaitingConversation(Guid ConversationId, int Position, string Contact, string Channel, string Topic, DateTime WaitingSince);

/// <summary>A team's queue drilled into: the waiting conversations oldest first, and where they can go.</summary>
public sealed record TeamQueueDetail(TeamQueueSummary Team, IReadOnlyList<WaitingConversation> Waiting, IReadOnlyList<TeamOption> Teams);

/// <summary>A team whose queue can raise an alert, with what the app bar needs to tell when it does.</summary>
public sealed record TeamWaitAlert(Guid TeamId, string Name, int WaitAlertMinutes, DateTime OldestWaitingSince)
{
    public bool IsAlerting(DateTime now) => now - OldestWaitingSince >= TimeSpan.FromMinutes(WaitAlertMinutes);
}
