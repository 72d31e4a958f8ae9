using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Workflows;

namespace Inbound.Web.Workflows.Engine;

/// <summary>The agents an assignment step weighs, as the engine and the simulator both see them.</summary>
internal static class AssignmentCandidates
{
    public static List<AgentCandidate> For(AssignToStep step, IReadOnlyDictionary<Guid, Agent> agents,
        IReadOnlyDictionary<Guid, HashSet<Guid>> teamMembers, IReadOnlyDictionary<Guid, int> open)
    {
        if (step.Target == AssignTarget.Agent)
            return step.AgentId is { } id && agents.TryGetValue(id, out var chosen) ? [Candidate(chosen, inTeam: true, open)] : [];
        var members = step.TeamId is { } teamId ? teamMembers.GetValueOrDefault(teamId) : null;
        // Every agent is listed, so that the decision also says who was passed over for not being in the team.
        return [.. agents.Values.Select(a => Candidate(a, inTeam: members?.Contains(a.Id) == true, open))];
    }

    private static AgentCandidate Candidate(Agent agent, bool inTeam, IReadOnlyDictionary<Guid, int> open) =>
        new(agent.Id, agent.Name, agent.Availability, agent.Capacity, open.GetValueOrDefault(agent.Id), inTeam, agent.LastAssignmentTicket, agent.Skills);
}
