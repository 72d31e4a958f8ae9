namespace Inbound.Domain.Assignment;

/// <summary>Why a conversation went to an agent, or sat unassigned: every candidate with its verdict, and the rule that picked the winner.</summary>
public sealed record AssignmentDecision(Guid? ChosenAgentId, string Rule, IReadOnlyList<CandidateVerdict> Candidates)
{
    public bool Assigned => ChosenAgentId is not null;

    /// <summary>Set when the conversation was left in the team's queue: its place in line.</summary>
    public int? QueuePosition { get; init; }
}

/// <param name="MissingSkills">For <see cref="Verdict.LacksSkills"/>: the required skills the agent does not have.</param>
public sealed record CandidateVerdict(Guid AgentId, string Name, Verdict Verdict, int OpenConversations, int Capacity, IReadOnlyList<string>? MissingSkills = null)
{
    public string Reason => Verdict switch
    {
        Verdict.Chosen => "chosen",
        Verdict.Offline => "offline",
        Verdict.Away => "away",
        Verdict.AtCapacity => $"at capacity ({OpenConversations} of {Capacity} open)",
        Verdict.NotInTeam => "not in the team",
        Verdict.LacksSkills => $"lacks {string.Join(", ", MissingSkills ?? [])}",
        Verdict.DidNotReply => "did not reply in time; passed over this once",
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

    /// <summary>Lacks one or more skills the step requires.</summary>
    LacksSkills,

    /// <summary>Had the conversation and did not reply in time: it goes to someone else.</summary>
    DidNotReply,

    /// <summary>Eligible, but another eligible agent had waited longer for a conversation.</summary>
    EarlierInRotation,

    /// <summary>Eligible, but another eligible agent had fewer open conversations.</summary>
    MoreOpenConversations,
}
