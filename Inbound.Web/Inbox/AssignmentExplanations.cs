using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Inbox;

/// <summary>Finds the newest assignment decision the workflows logged for a conversation.</summary>
internal static class AssignmentExplanations
{
    /// <summary>
    /// For the assignee, supervisors and admins only: another agent looking at the team's queue has no business with
    /// who was passed over. A conversation has a handful of runs, read with their logs.
    /// </summary>
    public static async Task<AssignmentExplanation?> LatestAsync(InboundDbContext db, InboxViewer viewer, Conversation c, CancellationToken ct)
    {
        if (!(viewer.IsAdmin || viewer.IsSupervisor || (c.AssigneeId is { } assignee && assignee == viewer.AgentId))) return null;
        var runs = await db.WorkflowRuns.AsNoTracking().Where(r => r.ConversationId == c.Id).ToListAsync(ct);
        return runs
            .SelectMany(r => r.Log.Where(e => e.Decision is { Candidates.Count: > 0 }).Select(e => (r.WorkflowName, Entry: e)))
            .OrderByDescending(x => x.Entry.At)
            .Select(x => new AssignmentExplanation(x.WorkflowName, x.Entry.Decision!.Rule, x.Entry.Decision.Candidates, x.Entry.At, x.Entry.Decision.RuleSaid))
            .FirstOrDefault();
    }
}
