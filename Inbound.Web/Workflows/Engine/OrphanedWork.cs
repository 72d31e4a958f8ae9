using Inbound.Domain.Assignment;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Engine work that the database says is pending but that no node may be doing: its event or timer lived only in the
/// memory of a node that stopped or crashed. Each kind is derived from state, so nothing has to be written for it:
/// a waiting run past its wake time, a reply no waiting run has heard, an open conversation without runs, a closed one
/// whose runs are still active or whose closed-triggered workflows never started, a queue with conversations in it,
/// an inactivity watch past due. Handing the engine something twice is harmless: every kind re-checks the state it
/// acts on, and two nodes acting at once conflict on a concurrency token (<see cref="RunRevision"/>, the
/// conversation's sequence), so each thing happens once.
/// </summary>
internal sealed class OrphanedWork(
    EngineQueue queue,
    PublishedWorkflows published,
    IDbContextFactory<InboundDbContext> dbFactory,
    IOptions<WorkflowEngineOptions> options,
    TimeProvider clock,
    ILogger<OrphanedWork> logger)
{
    /// <summary>Hands the engine what has been pending since before <paramref name="olderThan"/>.</summary>
    /// <param name="withTimers">False at start: the worker re-arms the timers itself, so they fire at their time.</param>
    public async Task EnqueueAsync(DateTime olderThan, bool withTimers, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var window = options.Value.MaxBatchSize;
        var since = clock.GetUtcNow().UtcDateTime - options.Value.MissedStartWindow;
        var found = 0;

        if (withTimers)
        {
            var overdue = await db.WorkflowRuns.AsNoTracking()
                .Where(r => r.Status == RunStatus.Waiting && r.WakeAt != null && r.WakeAt <= olderThan)
                .OrderBy(r => r.WakeAt).Select(r => r.Id).Take(window).ToListAsync(ct);
            foreach (var id in overdue) queue.Enqueue(new EngineWork.TimerDue(id));
            var watches = await db.Set<InactivityWatch>().AsNoTracking()
                .Where(w => w.DueAt != null && w.DueAt <= olderThan).OrderBy(w => w.DueAt).Select(w => w.Id).Take(window).ToListAsync(ct);
            foreach (var id in watches) queue.Enqueue(new EngineWork.InactivityDue(id));
            found += overdue.Count + watches.Count;
        }

        // A contact's reply stored after the run began waiting, and before olderThan: the run should have heard it.
        var unheard = await (from r in db.WorkflowRuns.AsNoTracking()
                             where r.Status == RunStatus.Waiting && r.WaitingFor == RunWait.Reply
                             let reply = db.Messages
                                 .Where(m => m.ConversationId == r.ConversationId && m.Direction == MessageDirection.Inbound && m.AuthorKind == AuthorKind.Contact
                                             && m.CreatedAt >= r.WaitingSince && m.CreatedAt <= olderThan && m.Id != r.TriggerMessageId)
                                 .OrderBy(m => m.CreatedAt).Select(m => (Guid?)m.Id).FirstOrDefault()
                             where reply != null
                             orderby r.WaitingSince
                             select new { r.ConversationId, MessageId = reply!.Value }).Take(window).ToListAsync(ct);
        foreach (var reply in unheard) queue.Enqueue(new EngineWork.ContactReplied(reply.ConversationId, reply.MessageId));

        // Opened without any run: its opening event never reached an engine. Bounded by the window, so the query stays cheap.
        var unstarted = await db.Conversations.AsNoTracking()
            .Where(c => c.AssigneeId == null && c.Status == ConversationStatus.Open && c.OpenedAt >= since && c.OpenedAt <= olderThan
                        && !db.WorkflowRuns.Any(r => r.ConversationId == c.Id))
            .OrderByDescending(c => c.OpenedAt).Select(c => c.Id).Take(window).ToListAsync(ct);
        foreach (var id in unstarted) queue.Enqueue(new EngineWork.ConversationOpened(id));

        // Closed, but its closing never reached an engine: runs still active, or a closed-triggered workflow not started.
        var closedTriggered = (await published.ActiveAsync(ct)).Where(v => v.Trigger is ConversationClosedTrigger).Select(v => v.WorkflowId).ToList();
        var unclosed = await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Closed && c.ClosedAt >= since && c.ClosedAt <= olderThan
                        && (db.WorkflowRuns.Any(r => r.ConversationId == c.Id && (r.Status == RunStatus.Running || r.Status == RunStatus.Waiting))
                            || db.WorkflowRuns.Where(r => r.ConversationId == c.Id && closedTriggered.Contains(r.WorkflowId) && r.StartedAt >= c.ClosedAt)
                                .Select(r => r.WorkflowId).Distinct().Count() < closedTriggered.Count))
            .OrderByDescending(c => c.ClosedAt).Select(c => c.Id).Take(window).ToListAsync(ct);
        foreach (var id in unclosed) queue.Enqueue(new EngineWork.ConversationClosed(id));

        // Queued conversations wait for a drain, which only an event starts: after a crash, nothing might.
        var queuedTeams = await db.TeamQueue.AsNoTracking().Where(q => q.QueuedAt <= olderThan).Select(q => q.TeamId).Distinct().ToListAsync(ct);
        foreach (var team in queuedTeams) queue.Enqueue(new EngineWork.QueueWaiting(team));

        found += unheard.Count + unstarted.Count + unclosed.Count;
        if (found > 0) logger.LogInformation("Handing the engine {Count} pending items no node was handling", found);
    }
}
