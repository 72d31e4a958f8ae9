using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>
/// One execution of a published workflow version on one conversation: where it is, what it waits for, its variables
/// and the log of the steps it took. Stored after every activation, so that a restart resumes it where it stopped.
/// </summary>
public sealed class WorkflowRun : Entity
{
    public const int MaxLogEntries = 500;

    private WorkflowRun() { WorkflowName = ""; }

    public WorkflowRun(Guid workflowId, string workflowName, Guid versionId, int versionNumber, Guid conversationId, Guid contactId,
        Guid? triggerMessageId, string startNodeId, DateTime now)
    {
        WorkflowId = workflowId;
        WorkflowName = workflowName;
        VersionId = versionId;
        VersionNumber = versionNumber;
        ConversationId = conversationId;
        ContactId = contactId;
        TriggerMessageId = triggerMessageId;
        CurrentNodeId = startNodeId;
        Status = RunStatus.Running;
        StartedAt = UpdatedAt = now;
    }

    public Guid WorkflowId { get; private set; }
    public string WorkflowName { get; private set; }

    /// <summary>The published version the run is pinned to: publishing again never changes it.</summary>
    public Guid VersionId { get; private set; }
    public int VersionNumber { get; private set; }

    public Guid ConversationId { get; private set; }
    public Guid ContactId { get; private set; }

    /// <summary>The message that started the run; it is never taken as the answer to a question.</summary>
    public Guid? TriggerMessageId { get; private set; }

    public RunStatus Status { get; private set; }
    public string? CurrentNodeId { get; private set; }
    public RunWait WaitingFor { get; private set; }

    /// <summary>When the timer of a wait (or of a question's timeout) fires, in UTC.</summary>
    public DateTime? WakeAt { get; private set; }

    /// <summary>Since when the run waits for a reply: earlier messages are not answers.</summary>
    public DateTime? WaitingSince { get; private set; }

    /// <summary>Invalid answers given to the current question.</summary>
    public int Attempts { get; private set; }

    public DateTime StartedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }
    /// <summary>Why the run ended, in English (the API, search, and all that runs ended before <see cref="EndSaid"/> hold).</summary>
    public string? EndReason { get; private set; }

    /// <summary>Why the run ended, as a phrase a screen says in its reader's language.</summary>
    public Phrase? EndSaid { get; private set; }

    // Replaced, never mutated in place: the store detects a change by reference, which keeps saving cheap.
    public IReadOnlyDictionary<string, string> Variables { get; private set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<RunLogEntry> Log { get; private set; } = [];

    public bool IsActive => Status is RunStatus.Running or RunStatus.Waiting;

    public void SetVariable(string name, string value) =>
        Variables = new Dictionary<string, string>((IDictionary<string, string>)Variables, StringComparer.OrdinalIgnoreCase) { [name] = value };

    public void Record(RunLogEntry entry)
    {
        // A run that loops through Jump To and waits keeps the newest entries.
        Log = Log.Count < MaxLogEntries ? [.. Log, entry] : [.. Log.Skip(1), entry];
        UpdatedAt = entry.At;
        if (Reports.RunOutcomes.Matters(entry)) Raise(new WorkflowRunOutcomeRecorded(Id, WorkflowId, ConversationId, entry.At));
    }

    public void MoveTo(string nodeId, DateTime now)
    {
        EnsureActive();
        CurrentNodeId = nodeId;
        Status = RunStatus.Running;
        WaitingFor = RunWait.None;
        WakeAt = null;
        WaitingSince = null;
        Attempts = 0;
        UpdatedAt = now;
    }

    /// <summary>Waits for the contact's next message, and for the timer when there is a timeout.</summary>
    public void WaitForReply(DateTime now, DateTime? timeoutAt)
    {
        Wait(RunWait.Reply, timeoutAt, now);
        WaitingSince = now;
    }

    public void WaitUntil(DateTime wakeAt, DateTime now) => Wait(RunWait.Timer, wakeAt, now);

    /// <summary>Waits for the HTTP call's response; the timer is the call's deadline, should the response never come.</summary>
    public void WaitForHttp(DateTime now, DateTime deadline)
    {
        Wait(RunWait.Http, deadline, now);
        WaitingSince = now;
    }

    /// <summary>Waits for the AI step's answer; the timer is its deadline, should the answer never come.</summary>
    public void WaitForAi(DateTime now, DateTime deadline)
    {
        Wait(RunWait.Ai, deadline, now);
        WaitingSince = now;
    }

    private void Wait(RunWait waitingFor, DateTime? wakeAt, DateTime now)
    {
        EnsureActive();
        Status = RunStatus.Waiting;
        WaitingFor = waitingFor;
        WakeAt = wakeAt;
        UpdatedAt = now;
    }

    public void CountInvalidAnswer() => Attempts++;

    public void Complete(DateTime now, Phrase? reason = null) =>
        End(RunStatus.Completed, reason ?? Phrase.Of(PhraseCode.RunFinished, "Finished"), now);

    public void Cancel(Phrase reason, DateTime now) => End(RunStatus.Cancelled, reason, now);

    public void Fail(Phrase reason, DateTime now) => End(RunStatus.Failed, reason, now);

    private void End(RunStatus status, Phrase reason, DateTime now)
    {
        if (!IsActive) return;
        Status = status;
        EndReason = reason.English;
        EndSaid = reason;
        WaitingFor = RunWait.None;
        WakeAt = null;
        EndedAt = UpdatedAt = now;
    }

    private void EnsureActive()
    {
        if (!IsActive) throw new DomainException("This run has ended.");
    }
}
