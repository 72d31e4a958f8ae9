using Inbound.Domain.Conversations;
using Inbound.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbound.Web.Sla;

/// <summary>
/// Gives a conversation its team's SLA due times in the same save that puts it with the team. Every path that routes
/// or moves a conversation (the engine, a hand move in the inbox or the queues, a contact page) saves through here,
/// so none of them has to remember it, and the row the inbox reads after the event already carries its due time.
/// </summary>
internal sealed class SlaDueTimes : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
            foreach (var (conversation, teamId) in Pending(db))
                Start(conversation, teamId, db.Set<Team>().AsNoTracking().FirstOrDefault(t => t.Id == teamId));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
            foreach (var (conversation, teamId) in Pending(db))
                Start(conversation, teamId, await db.Set<Team>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken));
        return result;
    }

    private static List<(Conversation Conversation, Guid TeamId)> Pending(DbContext db) =>
    [
        .. db.ChangeTracker.Entries<Conversation>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity.NeedsSlaOf(out var teamId) ? (e.Entity, teamId) : default)
            .Where(x => x.Entity is not null),
    ];

    private static void Start(Conversation conversation, Guid teamId, Team? team) =>
        conversation.StartSla(teamId, team?.SlaTargets ?? Domain.Sla.SlaTargets.None, team is null ? BusinessClock.AlwaysOpen : BusinessClock.Of(team));
}
