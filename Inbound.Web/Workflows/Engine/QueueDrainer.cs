using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Assigns a team's queued conversations, oldest first, while an agent of the team has room. It runs when an agent
/// frees capacity, comes online, has capacity raised or joins the team: there is no periodic sweep. Each assignment
/// is added, with its explanation, to the log of the run that queued the conversation.
/// </summary>
internal static class QueueDrainer
{
    public static async Task DrainAsync(InboundDbContext db, AgentPool pool, Guid teamId, DateTime now, CancellationToken ct)
    {
        var queue = await pool.QueueAsync(teamId, ct);
        foreach (var entry in queue.ToList())
        {
            var conversation = await db.Conversations.FindAsync([entry.ConversationId], ct);
            if (conversation is not { IsOpen: true } || conversation.AssigneeId is not null)
            {
                pool.LeaveQueue(entry.ConversationId);
                continue;
            }
            var step = entry.AsStep();
            var decision = pool.Decide(step);
            // Oldest first: when the oldest cannot be assigned, nobody behind it jumps the line.
            if (decision.ChosenAgentId is not { } agentId) return;
            pool.Apply(conversation, step, agentId, now);
            pool.LeaveQueue(entry.ConversationId);
            if (entry.RunId is { } runId && await db.WorkflowRuns.FindAsync([runId], ct) is { } run)
                run.Record(new RunLogEntry("queue", NodeKind.AssignTo, "Assigned from the queue", now, Outcomes.Assigned, decision.Rule, decision));
        }
    }
}
