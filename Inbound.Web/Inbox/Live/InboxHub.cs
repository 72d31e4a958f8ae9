using Inbound.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inbound.Web.Inbox.Live;

/// <summary>
/// Live inbox for outside clients (the JavaScript client, scripts, other services), signed in with the cookie or a
/// personal access token (<c>access_token</c> on the WebSocket request). Events arrive as <c>inboxEvent</c>.
/// After a reconnect a client re-reads its conversations (the REST API or <see cref="GetConversations"/>).
/// </summary>
[Authorize(Policy = Policies.Agent)]
public sealed class InboxHub(InboxViewers viewers, InboxQueries queries, Admin.People.SignedOutUsers signedOut, Presence.AgentPresence presence) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var viewer = await ViewerAsync();
        // A deactivated person's live connections close at once, not at their next call.
        var context = Context;
        Context.Items[nameof(signedOut)] = signedOut.Watch(viewer.UserId, context.Abort);
        // A connected client keeps its agent present; the last one gone starts the grace period before "away".
        Context.Items[nameof(presence)] = viewer.AgentId;
        presence.Connected(viewer.AgentId);
        foreach (var group in InboxGroups.For(viewer))
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        (Context.Items[nameof(signedOut)] as IDisposable)?.Dispose();
        if (Context.Items.TryGetValue(nameof(presence), out var agentId) && agentId is Guid id) presence.Disconnected(id);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Listen to one team: its queue for an agent of the team, everything in it for its supervisors and admins.</summary>
    public async Task JoinTeam(Guid teamId)
    {
        var viewer = await ViewerAsync();
        if (!viewer.CanWatchTeam(teamId)) throw new HubException("You are not a member of this team.");
        await Groups.AddToGroupAsync(Context.ConnectionId, InboxGroups.ForTeam(viewer, teamId), Context.ConnectionAborted);
    }

    public async Task<IReadOnlyList<ConversationSummary>> GetConversations(InboxFilter filter = InboxFilter.Mine) =>
        await queries.ListAsync(await ViewerAsync(), filter, null, Context.ConnectionAborted);

    public async Task<ConversationThread> GetConversation(Guid conversationId) =>
        await queries.GetThreadAsync(await ViewerAsync(), conversationId, Context.ConnectionAborted)
        ?? throw new HubException("Conversation not found.");

    private async Task<InboxViewer> ViewerAsync() =>
        await viewers.ResolveAsync(Context.User!, Context.ConnectionAborted)
        ?? throw new HubException("This account is not linked to an agent.");
}
