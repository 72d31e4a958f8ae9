using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Workflows;
using static Inbound.Tests.Domain.Workflows.FakeRunContext;

namespace Inbound.Tests.Domain.Workflows;

public class AssignmentPlannerTests
{
    private static readonly AssignToStep RoundRobin = new() { TeamId = Guid.NewGuid(), Strategy = AssignmentStrategy.RoundRobin };
    private static readonly AssignToStep LeastOpen = new() { TeamId = Guid.NewGuid(), Strategy = AssignmentStrategy.LeastOpen };

    private static string Chosen(AssignmentDecision decision) => decision.Candidates.Single(c => c.Verdict == Verdict.Chosen).Name;

    [Fact]
    public void Round_robin_picks_the_agent_who_has_waited_longest_and_says_why_the_others_were_passed_over()
    {
        var decision = AssignmentPlanner.Decide(RoundRobin,
        [
            Agent("Ana", ticket: 7), Agent("Ben", ticket: 3), Agent("Carla", ticket: 9),
            Agent("Dev", AgentAvailability.Offline), Agent("Eve", AgentAvailability.Away), Agent("Finn", open: 5, capacity: 5), Agent("Gus", inTeam: false),
        ]);

        Assert.Equal("Ben", Chosen(decision));
        Assert.Equal("Round robin: Ben had waited longest for a conversation among 3 available.", decision.Rule);
        Assert.Equal(
            ["Ben: chosen", "Ana: another agent was earlier in the rotation", "Carla: another agent was earlier in the rotation", "Dev: offline",
             "Eve: away", "Finn: at capacity (5 of 5 open)", "Gus: not in the team"],
            decision.Candidates.Select(c => $"{c.Name}: {c.Reason}"));
    }

    [Fact]
    public void Round_robin_turns_go_around_the_team_evenly()
    {
        var agents = new List<AgentCandidate> { Agent("Ana"), Agent("Ben"), Agent("Carla") };
        var counts = agents.ToDictionary(a => a.Name, _ => 0);
        long ticket = 0;

        for (var i = 0; i < 30; i++)
        {
            var chosen = AssignmentPlanner.Decide(RoundRobin, agents).ChosenAgentId;
            var index = agents.FindIndex(a => a.AgentId == chosen);
            agents[index] = agents[index] with { LastAssignmentTicket = ++ticket };
            counts[agents[index].Name]++;
        }

        Assert.Equal([10, 10, 10], counts.Values);
    }

    [Fact]
    public void Least_open_picks_the_agent_with_fewest_open_conversations()
    {
        var decision = AssignmentPlanner.Decide(LeastOpen, [Agent("Ana", open: 3), Agent("Ben", open: 1), Agent("Carla", open: 2)]);

        Assert.Equal("Ben", Chosen(decision));
        Assert.Equal("Least open conversations: Ben had 1 open, the fewest of 3 available.", decision.Rule);
        Assert.Equal(Verdict.MoreOpenConversations, decision.Candidates.Single(c => c.Name == "Ana").Verdict);
    }

    [Fact]
    public void Least_open_breaks_a_tie_by_the_rotation()
    {
        var decision = AssignmentPlanner.Decide(LeastOpen, [Agent("Ana", open: 1, ticket: 5), Agent("Ben", open: 1, ticket: 2)]);

        Assert.Equal("Ben", Chosen(decision));
    }

    [Fact]
    public void Capacity_is_respected_unless_the_step_says_otherwise()
    {
        AgentCandidate[] full = [Agent("Ana", open: 2, capacity: 2)];

        Assert.Null(AssignmentPlanner.Decide(RoundRobin, full).ChosenAgentId);
        Assert.Equal("Nobody available: no candidate passed the checks.", AssignmentPlanner.Decide(RoundRobin, full).Rule);
        Assert.NotNull(AssignmentPlanner.Decide(new AssignToStep { TeamId = Guid.NewGuid(), RespectCapacity = false }, full).ChosenAgentId);
    }

    [Fact]
    public void Offline_agents_are_candidates_when_online_only_is_off()
    {
        var decision = AssignmentPlanner.Decide(new AssignToStep { TeamId = Guid.NewGuid(), OnlineOnly = false }, [Agent("Ana", AgentAvailability.Offline)]);

        Assert.Equal("Ana", Chosen(decision));
    }

    [Fact]
    public void A_specific_agent_is_assigned_only_when_available()
    {
        var ana = Agent("Ana");
        var step = new AssignToStep { Target = AssignTarget.Agent, AgentId = ana.AgentId };

        Assert.Equal("Assigned to the chosen agent, Ana.", AssignmentPlanner.Decide(step, [ana]).Rule);
        Assert.Equal(Verdict.Offline, AssignmentPlanner.Decide(step, [ana with { Availability = AgentAvailability.Offline }]).Candidates[0].Verdict);
    }
}
