namespace Inbound.Domain.Workflows;

/// <summary>Assigns the conversation to a specific agent, or to an agent of a team chosen by a strategy.</summary>
public sealed class AssignToStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.AssignTo;
    protected override string KindNameValue => "Assign to";

    public AssignTarget Target { get; set; } = AssignTarget.Team;
    public Guid? AgentId { get; set; }
    public Guid? TeamId { get; set; }
    public AssignmentStrategy Strategy { get; set; } = AssignmentStrategy.RoundRobin;

    /// <summary>Only agents whose availability is Online are candidates.</summary>
    public bool OnlineOnly { get; set; } = true;

    /// <summary>Agents with as many open conversations as their capacity are passed over.</summary>
    public bool RespectCapacity { get; set; } = true;

    /// <summary>Skills an agent must all have to be picked (e.g. "thai"); a skill-less agent is passed over with the reason.</summary>
    public List<string> RequiredSkills { get; set; } = [];

    /// <summary>
    /// When set, an agent who has not replied within this many minutes (counted in the business hours of
    /// <see cref="InactivityHoursOf"/>, when given) loses the conversation to the next available agent.
    /// </summary>
    public int? ReassignAfterMinutes { get; set; }

    /// <summary>A Business hours step of the workflow whose open hours the inactivity minutes are counted in.</summary>
    public string? InactivityHoursOf { get; set; }

    /// <summary>Also reassign at once when the assigned agent goes away or offline.</summary>
    public bool ReassignWhenAgentLeaves { get; set; }

    /// <summary>When nobody is available, leave the conversation in the team's queue to be assigned (oldest first) as soon as someone is.</summary>
    public bool QueueWhenNobodyAvailable { get; set; }

    public override IReadOnlyList<NodeOutcome> Outcomes() =>
        [new NodeOutcome(Workflows.Outcomes.Assigned, "Assigned"),
         new NodeOutcome(Workflows.Outcomes.NobodyAvailable, QueueWhenNobodyAvailable ? "Queued, nobody available" : "Nobody available")];

    public override Phrase Summarize(WorkflowNames names)
    {
        var parts = new List<object>();
        if (Target == AssignTarget.Agent) parts.Add(Phrase.Of(PhraseCode.SummaryAssignTo, "Assign to {0}", names.AgentName(AgentId)));
        else
        {
            parts.Add(Phrase.Of(PhraseCode.SummaryAssignTo, "Assign to {0}", names.TeamName(TeamId)));
            parts.Add(Strategy == AssignmentStrategy.RoundRobin
                ? Phrase.Of(PhraseCode.SummaryRoundRobin, "round robin")
                : Phrase.Of(PhraseCode.SummaryLeastOpen, "least open conversations"));
        }
        if (RequiredSkills.Count > 0) parts.Add(Phrase.Of(PhraseCode.SummaryNeedsSkills, "needs {0}", new PhraseList(", ", RequiredSkills)));
        if (OnlineOnly) parts.Add(Phrase.Of(PhraseCode.SummaryOnlineOnly, "online only"));
        if (RespectCapacity) parts.Add(Phrase.Of(PhraseCode.SummaryWithinCapacity, "within capacity"));
        if (Target == AssignTarget.Team && QueueWhenNobodyAvailable) parts.Add(Phrase.Of(PhraseCode.SummaryQueueWhenBusy, "queue when busy"));
        if (ReassignAfterMinutes is { } m) parts.Add(Phrase.Of(PhraseCode.SummaryReassignAfter, "reassign after {0} min without reply", m));
        return Phrase.Parts(parts);
    }

    public override IEnumerable<Phrase> Problems()
    {
        if (Target == AssignTarget.Agent && AgentId is null) yield return Phrase.Of(PhraseCode.ProblemAgentMissing, "Choose the agent to assign to.");
        if (Target == AssignTarget.Team && TeamId is null) yield return Phrase.Of(PhraseCode.ProblemTeamMissing, "Choose the team to assign to.");
        if (ReassignAfterMinutes is <= 0) yield return Phrase.Of(PhraseCode.ProblemReassignMinutes, "Reassign after a positive number of minutes, or not at all.");
        if ((ReassignAfterMinutes is not null || ReassignWhenAgentLeaves) && Target == AssignTarget.Agent)
            yield return Phrase.Of(PhraseCode.ProblemReassignNeedsTeam, "Reassigning needs a team to hand the conversation to: assign to a team.");
    }
}

public enum AssignTarget
{
    Agent,
    Team,
}

public enum AssignmentStrategy
{
    RoundRobin,
    LeastOpen,
}
