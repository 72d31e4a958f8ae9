using Inbound.Domain.Agents;
using Inbound.Domain.Workflows;

namespace Inbound.Domain.Assignment;

/// <summary>
/// A conversation waiting in a team's queue for an agent, with the rules of the step that queued it. The oldest is
/// assigned first, as soon as an agent of the team comes online, frees capacity or joins the team.
/// </summary>
public sealed class QueuedConversation
{
    private QueuedConversation() { }

    public QueuedConversation(Guid conversationId, Guid teamId, AssignToStep step, Guid? runId, DateTime now)
    {
        ConversationId = conversationId;
        TeamId = teamId;
        Strategy = step.Strategy;
        OnlineOnly = step.OnlineOnly;
        RespectCapacity = step.RespectCapacity;
        RequiredSkills = Skill.List(step.RequiredSkills);
        StepId = step.Id;
        RunId = runId;
        QueuedAt = now;
    }

    public Guid ConversationId { get; private set; }
    public Guid TeamId { get; private set; }
    public AssignmentStrategy Strategy { get; private set; }
    public bool OnlineOnly { get; private set; }
    public bool RespectCapacity { get; private set; }
    public List<string> RequiredSkills { get; private set; } = [];

    /// <summary>The workflow step that queued it, whose other rules (reassign on inactivity) apply once it is assigned.</summary>
    public string? StepId { get; private set; }
    public Guid? RunId { get; private set; }
    public DateTime QueuedAt { get; private set; }

    /// <summary>
    /// The rules for a conversation that went back to its team without a workflow step saying how (a person moved it
    /// to the queue, its agent was unassigned or deactivated): the defaults of an assignment step.
    /// </summary>
    public static AssignToStep Requeued(Guid teamId) => new() { Id = "queue", Target = AssignTarget.Team, TeamId = teamId };

    /// <summary>
    /// Moved by hand to another team: it waits there under that team's default rules (the step's skills were about
    /// the team it left), keeping its time in line.
    /// </summary>
    public void MoveTo(Guid teamId)
    {
        var defaults = Requeued(teamId);
        TeamId = teamId;
        Strategy = defaults.Strategy;
        OnlineOnly = defaults.OnlineOnly;
        RespectCapacity = defaults.RespectCapacity;
        RequiredSkills = [];
        StepId = null;
        RunId = null;
    }

    /// <summary>The assignment rules to apply when an agent becomes free.</summary>
    public AssignToStep AsStep() => new()
    {
        Id = "queue", Target = AssignTarget.Team, TeamId = TeamId, Strategy = Strategy,
        OnlineOnly = OnlineOnly, RespectCapacity = RespectCapacity, RequiredSkills = [.. RequiredSkills],
    };
}
