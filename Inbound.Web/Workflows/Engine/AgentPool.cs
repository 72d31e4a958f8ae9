using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Conversations;
using Inbound.Domain.Texts;
using Inbound.Domain.Workflows;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// The agents, team memberships, open-conversation counts and team queues as one engine batch sees them, read in a
/// few queries and kept up to date in memory as the batch assigns. Agents are tracked: each assignment raises the
/// agent's ticket, a concurrency token, so that a concurrent writer that also filled the agent makes one save fail
/// and retry on fresh counts instead of going past capacity.
/// </summary>
internal sealed class AgentPool
{
    private readonly InboundDbContext _db;
    private readonly Dictionary<Guid, Agent> _agents;
    private readonly Dictionary<Guid, HashSet<Guid>> _teamMembers;
    private readonly Dictionary<Guid, int> _open;
    private readonly Dictionary<Guid, List<QueuedConversation>> _queues = new();
    private readonly Dictionary<Guid, QueuedConversation> _known;
    private long _ticket;

    private AgentPool(InboundDbContext db, Dictionary<Guid, Agent> agents, Dictionary<Guid, HashSet<Guid>> teamMembers,
        Dictionary<Guid, int> open, Dictionary<Guid, string> teamNames, IEnumerable<QueuedConversation> known)
    {
        _db = db;
        _known = known.ToDictionary(q => q.ConversationId);
        _agents = agents;
        _teamMembers = teamMembers;
        _open = open;
        _ticket = agents.Count == 0 ? 0 : agents.Values.Max(a => a.LastAssignmentTicket);
        Names = new WorkflowNames(teamNames, agents.ToDictionary(a => a.Key, a => a.Value.Name));
    }

    public WorkflowNames Names { get; }

    /// <param name="queued">The stored queue entries of the conversations the batch works on.</param>
    public static async Task<AgentPool> LoadAsync(InboundDbContext db, IEnumerable<QueuedConversation> queued, CancellationToken ct)
    {
        var roster = await AgentRoster.LoadAsync(db, tracked: true, ct);
        return new AgentPool(db, roster.Agents, roster.TeamMembers, roster.Open, roster.TeamNames, queued);
    }

    public IEnumerable<Guid> TeamsOf(Guid agentId) => _teamMembers.Where(t => t.Value.Contains(agentId)).Select(t => t.Key);

    public AssignmentDecision Decide(AssignToStep step, Guid? passedOver = null) => AssignmentPlanner.Decide(step, Candidates(step), passedOver);

    /// <summary>Assigns the conversation to the decided agent and counts it, so later decisions of the batch see it.</summary>
    public void Apply(Conversation conversation, AssignToStep step, Guid agentId, DateTime now)
    {
        var previous = conversation.AssigneeId;
        conversation.AssignTo(agentId, step.Target == AssignTarget.Team ? step.TeamId : null, now);
        // The thread says who got it and how, as it does for a person's reassignment.
        _db.Messages.Add(conversation.AddNote(AuthorKind.System, null, Phrase.Of(PhraseCode.NoteAssignedByWorkflow, "Assigned to {0} by workflow", _agents[agentId].Name), now));
        _agents[agentId].RecordAssignment(++_ticket);
        _open[agentId] = _open.GetValueOrDefault(agentId) + 1;
        if (previous is { } before && before != agentId) _open[before] = Math.Max(0, _open.GetValueOrDefault(before) - 1);
    }

    /// <summary>Watches added in this batch, whose timers the engine arms.</summary>
    public List<InactivityWatch> Armed { get; } = [];

    /// <summary>
    /// Replaces the conversation's inactivity watch by one for this assignment, when the step takes conversations back
    /// from agents who do not reply (or leave).
    /// </summary>
    public async Task WatchAsync(Conversation conversation, AssignToStep step, Guid agentId, Guid? runId, BusinessHoursStep? hours, DateTime now, CancellationToken ct)
    {
        await UnwatchAsync(conversation.Id, ct);
        if (InactivityWatch.For(conversation.Id, agentId, step, runId, hours, now) is not { } watch) return;
        _db.Set<InactivityWatch>().Add(watch);
        Armed.Add(watch);
    }

    public async Task UnwatchAsync(Guid conversationId, CancellationToken ct)
    {
        var watches = _db.Set<InactivityWatch>();
        var stored = await watches.Where(w => w.ConversationId == conversationId).ToListAsync(ct);
        foreach (var old in stored.Concat(watches.Local.Where(w => w.ConversationId == conversationId)).Distinct().ToList()) watches.Remove(old);
        Armed.RemoveAll(w => w.ConversationId == conversationId);
    }

    /// <summary>A conversation closed or unassigned in this batch no longer counts against its agent.</summary>
    public void Release(Guid agentId) => _open[agentId] = Math.Max(0, _open.GetValueOrDefault(agentId) - 1);

    /// <summary>The team's queue, oldest first, as stored plus what this batch queued.</summary>
    public async Task<List<QueuedConversation>> QueueAsync(Guid teamId, CancellationToken ct)
    {
        if (_queues.TryGetValue(teamId, out var queue)) return queue;
        queue = await _db.TeamQueue.Where(q => q.TeamId == teamId).OrderBy(q => q.QueuedAt).ToListAsync(ct);
        foreach (var entry in queue) _known.TryAdd(entry.ConversationId, entry);
        _queues[teamId] = queue;
        return queue;
    }

    /// <summary>Queues the conversation in the team's queue (once) and returns its place in line.</summary>
    public async Task<int> EnqueueAsync(Conversation conversation, AssignToStep step, Guid? runId, DateTime now, CancellationToken ct)
    {
        var teamId = step.TeamId!.Value;
        var queue = await QueueAsync(teamId, ct);
        var index = queue.FindIndex(q => q.ConversationId == conversation.Id);
        if (index >= 0) return index + 1;
        var entry = new QueuedConversation(conversation.Id, teamId, step, runId, now);
        _db.TeamQueue.Add(entry);
        queue.Add(entry);
        _known[conversation.Id] = entry;
        return queue.Count;
    }

    /// <summary>
    /// Queues the conversation in the team it was moved to. Already queued there (the step that routed it queued it
    /// with its own rules), it keeps its place; queued in another team, it leaves that queue for this one with the
    /// rules of a hand move, keeping how long it has waited.
    /// </summary>
    public async Task MoveToQueueAsync(Conversation conversation, Guid teamId, DateTime waitingSince, CancellationToken ct)
    {
        if (_known.TryGetValue(conversation.Id, out var entry) && entry.TeamId != teamId)
        {
            if (_queues.TryGetValue(entry.TeamId, out var previous)) previous.Remove(entry);
            entry.MoveTo(teamId);
            var queue = await QueueAsync(teamId, ct);
            if (!queue.Contains(entry)) queue.Insert(queue.FindLastIndex(q => q.QueuedAt <= entry.QueuedAt) + 1, entry);
            return;
        }
        await EnqueueAsync(conversation, QueuedConversation.Requeued(teamId), null, waitingSince, ct);
    }

    /// <summary>The conversation's place in its team's queue, or null when it is not queued.</summary>
    public async Task<int?> PositionAsync(Conversation conversation, CancellationToken ct)
    {
        if (!_known.TryGetValue(conversation.Id, out var entry)) return null;
        var queue = await QueueAsync(entry.TeamId, ct);
        var index = queue.FindIndex(q => q.ConversationId == conversation.Id);
        return index < 0 ? null : index + 1;
    }

    public void LeaveQueue(Guid conversationId)
    {
        if (!_known.Remove(conversationId, out var entry)) return;
        if (_queues.TryGetValue(entry.TeamId, out var queue)) queue.Remove(entry);
        _db.TeamQueue.Remove(entry);
    }

    private List<AgentCandidate> Candidates(AssignToStep step) => AssignmentCandidates.For(step, _agents, _teamMembers, _open);
}
