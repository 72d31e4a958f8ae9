namespace Inbound.Web.Workflows.Engine;

/// <summary>Something the engine has to do, queued by an event handler so that the writer that raised the event never waits.</summary>
public abstract record EngineWork
{
    /// <summary>A conversation opened: start the runs of the workflows whose trigger matches.</summary>
    public sealed record ConversationOpened(Guid ConversationId) : EngineWork;

    /// <summary>A conversation closed: cancel its runs, leave the queue, free the agent, start closed-triggered runs.</summary>
    public sealed record ConversationClosed(Guid ConversationId) : EngineWork;

    /// <summary>Someone (an agent, a supervisor, a workflow) assigned the conversation: it leaves its team's queue.</summary>
    public sealed record ConversationAssigned(Guid ConversationId) : EngineWork;

    /// <summary>The contact wrote: a run waiting for an answer resumes.</summary>
    public sealed record ContactReplied(Guid ConversationId, Guid MessageId) : EngineWork;

    public sealed record TimerDue(Guid RunId) : EngineWork;

    /// <summary>An HTTP request step's call came back (or failed): the run waiting for it resumes.</summary>
    public sealed record HttpAnswered(Guid RunId, Inbound.Domain.Workflows.Runs.HttpStepResponse Response) : EngineWork;

    /// <summary>An AI step's answer came back (or failed): the run waiting for it resumes.</summary>
    public sealed record AiAnswered(Guid RunId, Inbound.Domain.Workflows.Runs.AiStepAnswer Answer) : EngineWork;

    /// <summary>An agent started a workflow on a conversation.</summary>
    public sealed record StartManually(Guid ConversationId, Guid WorkflowId) : EngineWork;

    /// <summary>Nobody has the conversation any more: it waits in its team's queue, and the agent who had it has room.</summary>
    public sealed record ConversationUnassigned(Guid ConversationId, Guid PreviousAgentId) : EngineWork;

    /// <summary>
    /// The conversation was moved to a team (by a person, or a step): unassigned, it must wait in that team's queue,
    /// not stay in its previous team's, or nobody there would ever get it.
    /// </summary>
    public sealed record ConversationMovedToTeam(Guid ConversationId) : EngineWork;

    /// <summary>An inactivity watch fell due: the agent who has not replied loses the conversation to the next one.</summary>
    public sealed record InactivityDue(Guid WatchId) : EngineWork;

    /// <summary>An agent went away or offline: assignments watched with "reassign when the agent leaves" move on.</summary>
    public sealed record AgentLeft(Guid AgentId) : EngineWork;

    /// <summary>A team's queue has conversations waiting: assign them if someone has room (after a crash, nothing else would).</summary>
    public sealed record QueueWaiting(Guid TeamId) : EngineWork;

    /// <summary>An agent may take queued conversations now (came online, freed capacity, joined a team).</summary>
    public sealed record AgentFreed(Guid AgentId) : EngineWork;
}
