using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Channels.Line;

/// <summary>Marks a LINE contact unreachable when they block the account, and reachable again when they unblock it.</summary>
public sealed class LineContactReach(IDbContextFactory<InboundDbContext> dbFactory, IDomainEventPublisher publisher, TimeProvider clock)
{
    public const string BlockedReason = "Blocked the LINE account: replies no longer reach them.";

    /// <returns>False when no contact has this LINE user id yet (one who blocks before ever writing).</returns>
    public async Task<bool> SetAsync(Guid channelId, string userId, bool reachable, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Identities.Any(i => i.ChannelId == channelId && i.ExternalId == userId), cancellationToken);
        if (contact is null) return false;
        if (reachable) contact.MarkReachable();
        else contact.MarkUnreachable(BlockedReason, clock.GetUtcNow().UtcDateTime);
        await db.SaveAndPublishAsync(publisher, cancellationToken);
        return true;
    }
}
