namespace Inbound.Web.Inbox;

public enum InboxFilter
{
    /// <summary>Open conversations assigned to me.</summary>
    Mine,

    /// <summary>Open, unassigned conversations of my teams.</summary>
    Queue,

    /// <summary>Closed conversations I may see, most recent first.</summary>
    Closed,

    /// <summary>Every open conversation I may see (for supervisors and admins, their whole scope).</summary>
    All,
}
