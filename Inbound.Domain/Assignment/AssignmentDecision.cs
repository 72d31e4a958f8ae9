namespace Inbound.Domain.Assignment;

/// <summary>Why a conversation went to an agent, or sat unassigned: every candidate with its verdict, and the rule that picked the winner.</summary>
public sealed record AssignmentDecision(Guid? ChosenAgentId, string Rule, IReadOnlyList<CandidateVerdict> Candidates)
{
    public bool Assigned => ChosenAgentId is not null;

    /// <summary>Set when the conversation was left in the team's queue: its place in line.</summary>
    public int? QueuePosition { get; init; }
}

public sealed record CandidateVerdict(Guid AgentId, string Name, Verdict Verdict, int OpenConversations, int Capacity)
{
    public string Reason => Verdict switch
    {
        Verdict.Chosen => "chosen",
        Verdict.Offline => "offline",
        Verdict.Away => "away",
        Verdict.AtCapacity => $"at capacity ({OpenConversations} of {Capacity} open)",
        Verdict.NotInTeam => "not in the team",
        Verdict.EarlierInRotation => "another agent was earlier in the rotation",
        Verdict.MoreOpenConversations => $"more open conversations ({OpenConversations})",
        _ => Verdict.ToString(),
    };
}

public enum Verdict
{
    Chosen,
    Offline,
    Away,
    AtCapacity,
    NotInTeam,

    /// <summary>Eligible, but another eligible agent had waited longer for a conversation.</summary>
    EarlierInRotation,

    /// <summary>Eligible, but another eligible agent had fewer open conversations.</summary>
    MoreOpenConversations,
}
