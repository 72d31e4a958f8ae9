using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Domain.Reports;

/// <summary>Reads where a run left its conversation from the run's log: its last assignment decision, else a question that went unanswered.</summary>
public static class RunOutcomes
{
    public static WorkflowOutcome? Of(IReadOnlyList<RunLogEntry> log)
    {
        if (log.LastOrDefault(e => e.Decision is not null)?.Decision is { } decision)
            return decision.Assigned ? WorkflowOutcome.Assigned
                : decision.QueuePosition is not null ? WorkflowOutcome.Queued
                : WorkflowOutcome.NobodyAvailable;
        return log.Any(IsQuestionTimeout) ? WorkflowOutcome.QuestionTimedOut : null;
    }

    /// <summary>Whether recording this entry can change what <see cref="Of"/> says.</summary>
    public static bool Matters(RunLogEntry entry) => entry.Decision is not null || IsQuestionTimeout(entry);

    private static bool IsQuestionTimeout(RunLogEntry entry) => entry.Kind == NodeKind.AskQuestion && entry.Outcome == Outcomes.Timeout;
}
