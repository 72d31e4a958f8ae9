using Inbound.Domain.Agents;
using Inbound.Domain.Workflows;

namespace Inbound.Domain.Assignment;

/// <summary>
/// Picks the agent for a conversation from candidates, with a verdict for each. Round robin picks the eligible agent
/// whose last assignment is the oldest (never assigned first), which keeps turns fair however many nodes or workflows
/// assign; least open picks the fewest open conversations and breaks ties by the same rotation.
/// </summary>
public static class AssignmentPlanner
{
    /// <param name="passedOver">An agent who had the conversation and did not reply in time: never picked again for it this time.</param>
    public static AssignmentDecision Decide(AssignToStep step, IReadOnlyList<AgentCandidate> candidates, Guid? passedOver = null)
    {
        var verdicts = new Dictionary<Guid, Verdict>();
        var eligible = new List<AgentCandidate>();
        var required = Skill.List(step.RequiredSkills);
        foreach (var c in candidates)
        {
            var verdict = c.AgentId == passedOver ? Verdict.DidNotReply : Screen(step, c, required);
            if (verdict is null) eligible.Add(c);
            else verdicts[c.AgentId] = verdict.Value;
        }

        AgentCandidate? winner = null;
        Phrase rule;
        if (eligible.Count == 0)
        {
            rule = candidates.Count == 0
                ? (step.Target == AssignTarget.Agent
                    ? Phrase.Of(PhraseCode.AssignAgentGone, "The chosen agent no longer exists.")
                    : Phrase.Of(PhraseCode.AssignNoMembers, "The team has no members."))
                : required.Count > 0 && candidates.Any(c => verdicts[c.AgentId] == Verdict.LacksSkills)
                    ? Phrase.Of(PhraseCode.AssignNobodyWithSkills, "Nobody available with {0}: no candidate passed the checks.", new PhraseList(", ", [.. required]))
                    : Phrase.Of(PhraseCode.AssignNobody, "Nobody available: no candidate passed the checks.");
        }
        else if (step.Target == AssignTarget.Agent)
        {
            winner = eligible[0];
            rule = Phrase.Of(PhraseCode.AssignChosenAgent, "Assigned to the chosen agent, {0}.", winner.Name);
        }
        else if (step.Strategy == AssignmentStrategy.LeastOpen)
        {
            winner = eligible.OrderBy(c => c.OpenConversations).ThenBy(c => c.LastAssignmentTicket).ThenBy(c => c.AgentId).First();
            foreach (var c in eligible.Where(c => c != winner))
                verdicts[c.AgentId] = c.OpenConversations > winner.OpenConversations ? Verdict.MoreOpenConversations : Verdict.EarlierInRotation;
            rule = Phrase.Of(PhraseCode.AssignLeastOpen, "Least open conversations: {0} had {1} open, the fewest of {2} available.", winner.Name, winner.OpenConversations, eligible.Count);
        }
        else
        {
            winner = eligible.OrderBy(c => c.LastAssignmentTicket).ThenBy(c => c.AgentId).First();
            foreach (var c in eligible.Where(c => c != winner)) verdicts[c.AgentId] = Verdict.EarlierInRotation;
            rule = Phrase.Of(PhraseCode.AssignRoundRobin, "Round robin: {0} had waited longest for a conversation among {1} available.", winner.Name, eligible.Count);
        }
        if (winner is not null) verdicts[winner.AgentId] = Verdict.Chosen;

        var explained = candidates
            .Select(c => new CandidateVerdict(c.AgentId, c.Name, verdicts[c.AgentId], c.OpenConversations, c.Capacity,
                verdicts[c.AgentId] == Verdict.LacksSkills ? Missing(required, c) : null))
            .OrderBy(v => v.Verdict != Verdict.Chosen).ThenBy(v => v.Name)
            .ToList();
        return AssignmentDecision.Of(winner?.AgentId, rule, explained);
    }

    private static List<string> Missing(List<string> required, AgentCandidate c) =>
        required.Where(s => c.Skills?.Contains(s) != true).ToList();

    private static Verdict? Screen(AssignToStep step, AgentCandidate c, List<string> required)
    {
        if (step.Target == AssignTarget.Team && !c.InTeam) return Verdict.NotInTeam;
        if (Missing(required, c).Count > 0) return Verdict.LacksSkills;
        if (step.OnlineOnly && c.Availability == AgentAvailability.Offline) return Verdict.Offline;
        if (step.OnlineOnly && c.Availability == AgentAvailability.Away) return Verdict.Away;
        if (step.RespectCapacity && c.OpenConversations >= c.Capacity) return Verdict.AtCapacity;
        return null;
    }
}
