namespace Inbound.Web.Inbox.Components;

/// <summary>Where the window is narrow, the inbox shows one pane at a time; these are the ones a link can go to.</summary>
public enum InboxScreen
{
    Thread,
    Contact,
}
