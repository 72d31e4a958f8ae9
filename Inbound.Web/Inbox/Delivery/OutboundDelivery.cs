using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Inbox.Delivery;

/// <summary>
/// Hands every stored reply (an agent's or a workflow's) to its channel's sender and records the delivery status,
/// which the thread shows. A channel type without a sender marks the reply failed rather than leaving it pending.
/// </summary>
internal sealed class OutboundDelivery(
    IDbContextFactory<InboundDbContext> dbFactory,
    IEnumerable<IChannelSender> senders,
    IDomainEventPublisher publisher,
    TimeProvider clock,
    ILogger<OutboundDelivery> logger) : IDomainEventHandler<MessageAdded>
{
    public async Task HandleAsync(MessageAdded e, CancellationToken cancellationToken)
    {
        if (e.Direction != MessageDirection.Outbound) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == e.MessageId, cancellationToken);
        if (message is null || message.DeliveryStatus != DeliveryStatus.Pending) return;
        var target = await (
            from c in db.Conversations
            join ch in db.Channels on c.ChannelId equals ch.Id
            where c.Id == e.ConversationId
            select new { ch.Key, ch.Type, ExternalId = db.ContactIdentities.Where(i => i.ContactId == c.ContactId && i.ChannelId == ch.Id).Select(i => i.ExternalId).FirstOrDefault() }
        ).SingleAsync(cancellationToken);

        DeliveryStatus status;
        var sender = senders.FirstOrDefault(s => s.ChannelType == target.Type);
        if (sender is null)
        {
            logger.LogWarning("No sender for {ChannelType}; reply {MessageId} is not delivered", target.Type, message.Id);
            status = DeliveryStatus.Failed;
        }
        else
        {
            try
            {
                status = await sender.SendAsync(new OutboundMessage(message.Id, e.ConversationId, message.ChannelId, target.Key, target.ExternalId ?? "", message.Body, message.QuickReplies), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sending reply {MessageId} on {Channel} failed", message.Id, target.Key);
                status = DeliveryStatus.Failed;
            }
        }
        message.MarkDelivery(status, clock.GetUtcNow().UtcDateTime);
        await db.SaveAndPublishAsync(publisher, cancellationToken);
    }
}
