using System.Text.Json.Serialization;

namespace Inbound.Domain.Assignment;

/// <summary>Why a conversation went to an agent, or sat unassigned: every candidate with its verdict, and the rule that picked the winner.</summary>
/// <param name="Rule">The rule in English: all that decisions stored before <see cref="RuleSaid"/> existed hold.</param>
public sealed record AssignmentDecision(Guid? ChosenAgentId, string Rule, IReadOnlyList<CandidateVerdict> Candidates)
{
    public static AssignmentDecision Of(Guid? chosenAgentId, Phrase rule, IReadOnlyList<CandidateVerdict> candidates) =>
        new(chosenAgentId, rule.English, candidates) { RuleSaid = rule };

    /// <summary>The rule, as a phrase a screen says in its reader's language.</summary>
    public Phrase? RuleSaid { get; init; }

    /// <summary>The rule as a phrase; a decision stored before phrases keeps its English.</summary>
    [JsonIgnore]
    public Phrase Said => RuleSaid ?? Phrase.Of(PhraseCode.Parts, "{0}", Rule);

    public bool Assigned => ChosenAgentId is not null;

    /// <summary>Set when the conversation was left in the team's queue: its place in line.</summary>
    public int? QueuePosition { get; init; }
}

/// <param name="MissingSkills">For <see cref="Verdict.LacksSkills"/>: the required skills the agent does not have.</param>
public sealed record CandidateVerdict(Guid AgentId, string Name, Verdict Verdict, int OpenConversations, int Capacity, IReadOnlyList<string>? MissingSkills = null)
{
    public string Reason => Said.English;

    /// <summary>The verdict's reason as a phrase: made from the verdict, so that every stored decision says it in any language.</summary>
    [JsonIgnore]
    public Phrase Said => Verdict switch
    {
        Verdict.Chosen => Phrase.Of(PhraseCode.VerdictChosen, "chosen"),
        Verdict.Offline => Phrase.Of(PhraseCode.VerdictOffline, "offline"),
        Verdict.Away => Phrase.Of(PhraseCode.VerdictAway, "away"),
        Verdict.AtCapacity => Phrase.Of(PhraseCode.VerdictAtCapacity, "at capacity ({0} of {1} open)", OpenConversations, Capacity),
        Verdict.NotInTeam => Phrase.Of(PhraseCode.VerdictNotInTeam, "not in the team"),
        Verdict.LacksSkills => Phrase.Of(PhraseCode.VerdictLacksSkills, "lacks {0}", new PhraseList(", ", [.. MissingSkills ?? []])),
        Verdict.DidNotReply => Phrase.Of(PhraseCode.VerdictDidNotReply, "did not reply in time; passed over this once"),
        Verdict.EarlierInRotation => Phrase.Of(PhraseCode.VerdictEarlierInRotation, "another agent was earlier in the rotation"),
        Verdict.MoreOpenConversations => Phrase.Of(PhraseCode.VerdictMoreOpenConversations, "more open conversations ({0})", OpenConversations),
        _ => Phrase.Of(PhraseCode.Parts, "{0}", Verdict.ToString()),
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
