namespace Inbound.Web.Inbox;

/// <summary>How an open list is ordered.</summary>
public enum InboxSort
{
    /// <summary>Latest activity first.</summary>
    Recent,

    /// <summary>The SLA due soonest (or longest overdue) first; conversations without an SLA last.</summary>
    TimeLeft,
}
