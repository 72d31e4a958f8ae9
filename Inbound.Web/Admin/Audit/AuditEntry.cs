namespace Inbound.Web.Admin.Audit;

/// <summary>
/// One admin action: who did what to which thing, and when. Written once and never changed: the log has no update or
/// delete path, in the app or the API.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { ActorName = Action = Subject = Detail = ""; }

    public AuditEntry(DateTime at, string? actorUserId, string actorName, string action, string subject, string detail)
    {
        At = at;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Action = action;
        Subject = subject;
        Detail = detail;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; }

    /// <summary>A stable name such as <c>user.deactivated</c>, <c>team.created</c>, <c>contact.merged</c>.</summary>
    public string Action { get; private set; }

    /// <summary>What it was done to, as people read it ("Carla Agent", "Team Sales").</summary>
    public string Subject { get; private set; }

    public string Detail { get; private set; }
}
