using Inbound.Domain.Texts;
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
    public static async Task DrainAsync(InboundDbContext db, AgentPool pool, PublishedWorkflows published, Guid teamId, DateTime now, CancellationToken ct)
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
            // Oldest first: when the oldest cannot be assigned, nobody behind it jumps the line; except past one that
            // waits for a skill, which the free agent may well lack.
            if (decision.ChosenAgentId is not { } agentId)
            {
                if (entry.RequiredSkills.Count > 0) continue;
                return;
            }
            pool.Apply(conversation, step, agentId, now);
            pool.LeaveQueue(entry.ConversationId);
            var run = entry.RunId is { } runId ? await db.WorkflowRuns.FindAsync([runId], ct) : null;
            // The step that queued it may take it back from an agent who does not reply: watch as it would have.
            if (await InactivityReassigner.StepAsync(published, run, entry.StepId, ct) is { } queuedBy)
                await pool.WatchAsync(conversation, queuedBy, agentId, entry.RunId,
                    await InactivityReassigner.HoursAsync(published, run, queuedBy.InactivityHoursOf, ct), now, ct);
            run?.Record(RunLogEntry.Of("queue", NodeKind.AssignTo, Phrase.Of(PhraseCode.RunStepAssignedFromQueue, "Assigned from the queue"), now, Outcomes.Assigned, decision.Said, decision));
        }
    }
}
