using Inbound.Domain.Texts;
using Inbound.Domain.Assignment;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Takes a conversation back from an agent who did not reply in time (or went away, when the step says so) and gives
/// it to the next available agent by the same step's rules, passing the first agent over; with nobody available it
/// waits in the team's queue. The thread and the run's log say why, with the new decision's explanation.
/// </summary>
internal static class InactivityReassigner
{
    public static async Task ReclaimAsync(InboundDbContext db, AgentPool pool, PublishedWorkflows published, InactivityWatch watch, bool agentLeft,
        DateTime now, CancellationToken ct)
    {
        await pool.UnwatchAsync(watch.ConversationId, ct);
        var conversation = await db.Conversations.FindAsync([watch.ConversationId], ct);
        // Closed, or someone else has it now (a person reassigned it): nothing to take back.
        if (conversation is not { IsOpen: true } || conversation.AssigneeId != watch.AgentId) return;
        var replied = await db.Messages.AnyAsync(m => m.ConversationId == conversation.Id && m.AuthorKind == AuthorKind.Agent
                                                      && m.AuthorId == watch.AgentId && m.CreatedAt >= watch.AssignedAt, ct);
        if (replied && !agentLeft) return;

        var reason = watch.Reason(pool.Names.Agent(watch.AgentId), agentLeft);
        var run = watch.RunId is { } runId ? await db.WorkflowRuns.FindAsync([runId], ct) : null;
        var step = watch.AsStep();
        // The note keeps its English body for the API and its phrase for agents who read the thread in another language.
        db.Messages.Add(conversation.AddNote(AuthorKind.System, null, reason, now));
        watch.Reclaimed(reason.English, now);
        var decision = pool.Decide(step, passedOver: watch.AgentId);
        if (decision.ChosenAgentId is { } next)
        {
            pool.Apply(conversation, step, next, now);
            await pool.WatchAsync(conversation, step, next, watch.RunId, await HoursAsync(published, run, watch.InactivityHoursOf, ct), now, ct);
        }
        else
        {
            conversation.Unassign(now);
            pool.Release(watch.AgentId);
            await pool.EnqueueAsync(conversation, step, watch.RunId, now, ct);
        }
        run?.Record(RunLogEntry.Of(watch.StepId, NodeKind.AssignTo, Phrase.Of(PhraseCode.RunStepReassigned, "Reassigned"), now,
            decision.Assigned ? Outcomes.Assigned : Outcomes.NobodyAvailable, Phrase.Of(PhraseCode.RunReassigned, "{0} {1}", reason, decision.Said), decision));
    }

    /// <summary>The Business hours step, in the version the run runs, whose open minutes count.</summary>
    public static async Task<BusinessHoursStep?> HoursAsync(PublishedWorkflows published, WorkflowRun? run, string? hoursOf, CancellationToken ct) =>
        run is null || hoursOf is null ? null
            : (await published.VersionAsync(run.VersionId, ct))?.Interpreter.Definition.FindNode(hoursOf) as BusinessHoursStep;

    /// <summary>The step of a run's version that queued a conversation, with all its rules.</summary>
    public static async Task<AssignToStep?> StepAsync(PublishedWorkflows published, WorkflowRun? run, string? stepId, CancellationToken ct) =>
        run is null || stepId is null ? null
            : (await published.VersionAsync(run.VersionId, ct))?.Interpreter.Definition.FindNode(stepId) as AssignToStep;
}
