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

    public override string Summary(WorkflowNames names)
    {
        var parts = new List<string>();
        if (Target == AssignTarget.Agent) parts.Add($"Assign to {names.Agent(AgentId)}");
        else
        {
            parts.Add($"Assign to {names.Team(TeamId)}");
            parts.Add(Strategy == AssignmentStrategy.RoundRobin ? "round robin" : "least open conversations");
        }
        if (RequiredSkills.Count > 0) parts.Add($"needs {string.Join(", ", RequiredSkills)}");
        if (OnlineOnly) parts.Add("online only");
        if (RespectCapacity) parts.Add("within capacity");
        if (Target == AssignTarget.Team && QueueWhenNobodyAvailable) parts.Add("queue when busy");
        if (ReassignAfterMinutes is { } m) parts.Add($"reassign after {m} min without reply");
        return string.Join(" · ", parts);
    }

    public override IEnumerable<string> SettingProblems()
    {
        if (Target == AssignTarget.Agent && AgentId is null) yield return "Choose the agent to assign to.";
        if (Target == AssignTarget.Team && TeamId is null) yield return "Choose the team to assign to.";
        if (ReassignAfterMinutes is <= 0) yield return "Reassign after a positive number of minutes, or not at all.";
        if ((ReassignAfterMinutes is not null || ReassignWhenAgentLeaves) && Target == AssignTarget.Agent)
            yield return "Reassigning needs a team to hand the conversation to: assign to a team.";
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
