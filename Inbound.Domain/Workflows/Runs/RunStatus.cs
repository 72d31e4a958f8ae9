namespace Inbound.Domain.Workflows.Runs;

public enum RunStatus
{
    Running,

    /// <summary>Waits for the contact's reply or for its timer; survives restarts.</summary>
    Waiting,

    Completed,

    /// <summary>The conversation closed while the run was going.</summary>
    Cancelled,

    Failed,
}

public enum RunWait
{
    None,
    Reply,
    Timer,

    /// <summary>An HTTP request step's call is out; the run resumes with its response, or on its timer if none comes.</summary>
    Http,

    /// <summary>An AI step's question is out; the run resumes with the answer, or on its timer if none comes.</summary>
    Ai,
}
