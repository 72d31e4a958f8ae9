namespace Inbound.Domain.Reports;

/// <summary>Where a conversation's opening workflow left it, as the reports count it.</summary>
public enum WorkflowOutcome
{
    Assigned,
    Queued,
    NobodyAvailable,
    QuestionTimedOut,
}
