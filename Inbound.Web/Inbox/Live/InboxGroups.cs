namespace Inbound.Web.Inbox.Live;

/// <summary>
/// Who hears what. Agents listen to their own group and their teams' queue groups; supervisors to everything
/// in their teams; admins to everything. A connection in two matching groups may hear an event twice:
/// clients drop repeats by sequence.
/// </summary>
public static class InboxGroups
{
    public const string Admins = "admins";

    /// <summary>Supervisors and admins: presence and queue sizes across teams.</summary>
    public const string Supervisors = "supervisors";

    public static string Agent(Guid agentId) => $"agent:{agentId}";

    /// <summary>A team's unassigned queue, for its agents.</summary>
    public static string TeamQueue(Guid teamId) => $"team:{teamId}";

    /// <summary>Every conversation of a team, for its supervisors.</summary>
    public static string TeamAll(Guid teamId) => $"team-all:{teamId}";

    /// <summary>A web-chat visitor's own thread; only in-process subscribers ever join it.</summary>
    public static string Contact(Guid contactId) => $"contact:{contactId}";

    /// <summary>The groups a viewer's connection joins when it connects.</summary>
    public static IReadOnlyList<string> For(InboxViewer viewer)
    {
        var groups = new List<string> { Agent(viewer.AgentId) };
        if (viewer.IsAdmin) groups.AddRange([Admins, Supervisors]);
        else if (viewer.IsSupervisor)
        {
            groups.Add(Supervisors);
            groups.AddRange(viewer.TeamIds.Select(TeamAll));
        }
        else groups.AddRange(viewer.TeamIds.Select(TeamQueue));
        return groups;
    }

    /// <summary>The group a viewer joins to watch one team: the queue for agents, all of it for supervisors and admins.</summary>
    public static string ForTeam(InboxViewer viewer, Guid teamId) =>
        viewer.IsAdmin || viewer.IsSupervisor ? TeamAll(teamId) : TeamQueue(teamId);
}
