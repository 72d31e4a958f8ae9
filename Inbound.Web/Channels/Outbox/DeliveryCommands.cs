using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Channels.Outbox;

/// <summary>What changes a message's delivery from outside the sender: an agent's <i>Retry</i>, a provider's status report.</summary>
public sealed class DeliveryCommands(
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    OutboxSignal signal,
    TimeProvider clock)
{
    /// <summary>Queues a failed message again; false when it is not (or no longer) failed.</summary>
    public async Task<bool> RetryAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is not { DeliveryStatus: DeliveryStatus.Failed }) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        message.RetryDelivery(now);
        var entry = await db.Set<OutboxEntry>().SingleOrDefaultAsync(o => o.Id == messageId, cancellationToken);
        if (entry is null) db.Set<OutboxEntry>().Add(new OutboxEntry(message.Id, message.ChannelId, now));
        else entry.Requeue(now);
        await db.SaveAndPublishAsync(publisher, cancellationToken);
        signal.Wake();
        return true;
    }

    /// <summary>
    /// Applies a provider's report (delivered, read, failed) to the message it names by the channel's id for it;
    /// false when no message of that channel has the id (a report for something Inbound did not send).
    /// </summary>
    public async Task<bool> ReportAsync(Guid channelId, string channelMessageId, DeliveryStatus status, string? error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.SingleOrDefaultAsync(
            m => m.ChannelId == channelId && m.ExternalId == channelMessageId && m.Direction == MessageDirection.Outbound, cancellationToken);
        if (message is null) return false;
        message.MarkDelivery(status, clock.GetUtcNow().UtcDateTime, error);
        await db.SaveAndPublishAsync(publisher, cancellationToken);
        return true;
    }
}
