using Inbound.Domain.Agents;
using Inbound.Domain.SeedWork;
using Inbound.Domain.Workflows;

namespace Inbound.Domain.Assignment;

/// <summary>
/// An assignment that is taken back when the agent does not answer: made by a step with "reassign after N minutes"
/// (or "when the agent leaves"), it holds the step's rules, so that the conversation goes to the next agent the same
/// way, and when it falls due. One per conversation: a new assignment replaces it.
/// </summary>
public sealed class InactivityWatch : Entity
{
    private InactivityWatch() { StepId = ""; }

    private InactivityWatch(Guid conversationId, Guid agentId, AssignToStep step, Guid? runId, DateTime now, DateTime? dueAt)
    {
        ConversationId = conversationId;
        AgentId = agentId;
        TeamId = step.TeamId!.Value;
        StepId = step.Id;
        RunId = runId;
        Strategy = step.Strategy;
        OnlineOnly = step.OnlineOnly;
        RespectCapacity = step.RespectCapacity;
        RequiredSkills = Skill.List(step.RequiredSkills);
        Minutes = step.ReassignAfterMinutes;
        InactivityHoursOf = step.InactivityHoursOf;
        WhenAgentLeaves = step.ReassignWhenAgentLeaves;
        AssignedAt = now;
        DueAt = dueAt;
    }

    public Guid ConversationId { get; private set; }
    public Guid AgentId { get; private set; }
    public Guid TeamId { get; private set; }
    public string StepId { get; private set; }
    public Guid? RunId { get; private set; }
    public AssignmentStrategy Strategy { get; private set; }
    public bool OnlineOnly { get; private set; }
    public bool RespectCapacity { get; private set; }
    public List<string> RequiredSkills { get; private set; } = [];
    public int? Minutes { get; private set; }
    public string? InactivityHoursOf { get; private set; }
    public bool WhenAgentLeaves { get; private set; }
    public DateTime AssignedAt { get; private set; }

    /// <summary>When the agent's silence runs out; null when only leaving counts, or the hours never open.</summary>
    public DateTime? DueAt { get; private set; }

    /// <summary>The watch for an assignment by this step, or null when the step never takes a conversation back.</summary>
    /// <param name="hours">The Business hours step the minutes are counted in, if the step names one.</param>
    public static InactivityWatch? For(Guid conversationId, Guid agentId, AssignToStep step, Guid? runId, BusinessHoursStep? hours, DateTime now)
    {
        if (step is not { Target: AssignTarget.Team, TeamId: not null } || (step.ReassignAfterMinutes is null && !step.ReassignWhenAgentLeaves)) return null;
        DateTime? due = step.ReassignAfterMinutes is not { } minutes ? null
            : hours is null ? now.AddMinutes(minutes) : hours.AfterOpenMinutes(now, minutes);
        return new InactivityWatch(conversationId, agentId, step, runId, now, due);
    }

    /// <summary>The same rules, for the next agent after this one.</summary>
    public InactivityWatch Next(Guid agentId, BusinessHoursStep? hours, DateTime now) => For(ConversationId, agentId, AsStep(), RunId, hours, now)!;

    public AssignToStep AsStep() => new()
    {
        Id = StepId, Target = AssignTarget.Team, TeamId = TeamId, Strategy = Strategy, OnlineOnly = OnlineOnly,
        RespectCapacity = RespectCapacity, RequiredSkills = [.. RequiredSkills], ReassignAfterMinutes = Minutes,
        InactivityHoursOf = InactivityHoursOf, ReassignWhenAgentLeaves = WhenAgentLeaves,
    };

    /// <summary>The conversation was taken from the agent: they are told (the thread they no longer see says it too).</summary>
    public void Reclaimed(string reason, DateTime now) => Raise(new AssignmentReclaimed(ConversationId, AgentId, reason, now));

    /// <summary>Why the conversation was taken back, as the thread and the run log say it.</summary>
    public Phrase Reason(string agentName, bool agentLeft) => agentLeft
        ? Phrase.Of(PhraseCode.ReclaimedAgentLeft, "{0} went away; reassigned.", agentName)
        : InactivityHoursOf is null
            ? Phrase.Of(PhraseCode.ReclaimedNoReply, "{0} did not reply within {1} minutes; reassigned.", agentName, Minutes ?? 0)
            : Phrase.Of(PhraseCode.ReclaimedNoReplyInHours, "{0} did not reply within {1} minutes of business hours; reassigned.", agentName, Minutes ?? 0);
}

/// <summary>A conversation was taken back from an agent who did not reply in time or went away.</summary>
public sealed record AssignmentReclaimed(Guid ConversationId, Guid AgentId, string Reason, DateTime OccurredAt) : IDomainEvent;
