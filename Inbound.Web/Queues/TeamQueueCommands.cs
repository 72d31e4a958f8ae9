using Inbound.Domain.Agents;
using Inbound.Domain.Events;
using Inbound.Domain.Texts;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Queues;

/// <summary>
/// What a supervisor does from a team's queue. Everything is scoped to the team in the address: a team that is not
/// the viewer's, or a conversation or agent that is not in it, is "not found". Assigning and moving go through
/// <see cref="InboxCommands"/>, so they keep the inbox's rules (capacity, the note in the thread, the engine's queue).
/// </summary>
public sealed class TeamQueueCommands(
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    InboxCommands inbox,
    TimeProvider clock)
{
    public async Task<CommandResult> AssignAsync(InboxViewer viewer, Guid teamId, Guid conversationId, Guid agentId, bool overCapacity, CancellationToken ct = default)
    {
        if (await ConversationProblemAsync(viewer, teamId, conversationId, ct) is { } problem) return problem;
        return await inbox.ReassignAsync(viewer, conversationId, agentId, teamId, ct, overCapacity);
    }

    /// <summary>Hands the conversation to another team's queue, where the engine assigns it as agents there free up.</summary>
    public async Task<CommandResult> MoveAsync(InboxViewer viewer, Guid teamId, Guid conversationId, Guid toTeamId, CancellationToken ct = default)
    {
        if (await ConversationProblemAsync(viewer, teamId, conversationId, ct) is { } problem) return problem;
        if (toTeamId == teamId) return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandAlreadyInQueue, "It is already in this team's queue."));
        return await inbox.ReassignAsync(viewer, conversationId, null, toTeamId, ct);
    }

    /// <summary>
    /// Sets a member's availability, as at the end of a shift: away keeps their open conversations and stops new ones,
    /// because assignment only picks agents who are online.
    /// </summary>
    public async Task<CommandResult> SetAvailabilityAsync(InboxViewer viewer, Guid teamId, Guid agentId, AgentAvailability availability, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(availability)) return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandAvailability, "Availability is Online, Away or Offline."));
        if (!viewer.CanWatchTeam(teamId)) return TeamNotFound;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.AgentId == agentId, ct))
            return CommandResult.Refused(CommandOutcome.NotFound, Phrase.Of(PhraseCode.CommandNoSuchMember, "No such member of the team."));
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId, ct);
        agent.SetAvailability(availability, clock.GetUtcNow().UtcDateTime);
        await db.SaveAndPublishAsync(publisher, ct);
        return CommandResult.Done(agentId);
    }

    private static readonly CommandResult TeamNotFound = new(CommandOutcome.NotFound, "No such team.");

    private async Task<CommandResult?> ConversationProblemAsync(InboxViewer viewer, Guid teamId, Guid conversationId, CancellationToken ct)
    {
        if (!viewer.CanWatchTeam(teamId)) return TeamNotFound;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Conversations.AnyAsync(c => c.Id == conversationId && c.TeamId == teamId, ct) ? null : CommandResult.NotFound;
    }
}
