using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Web.Channels.Media;
using Inbound.Web.Data;
using Inbound.Web.Inbox.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Inbound.Web.Channels.Outbox;

/// <summary>
/// One attempt at one claimed message: hand it to its channel's sender, then record the outcome on the message
/// (sent, or failed with the reason) and on the outbox row (done, or due again after a backoff) in one save. Nothing
/// is dropped: a message either reaches a final status the thread shows, or stays queued.
/// </summary>
internal sealed class OutboxDelivery(
    IDbContextFactory<InboundDbContext> dbFactory,
    IEnumerable<IChannelSender> senders,
    IDomainEventPublisher publisher,
    MediaLibrary media,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    private readonly Dictionary<Domain.Channels.ChannelType, IChannelSender> _senders = senders.ToDictionary(s => s.ChannelType);

    public async Task DeliverAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.Set<OutboxEntry>().SingleAsync(o => o.Id == messageId, cancellationToken);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || message.DeliveryStatus != DeliveryStatus.Pending)
        {
            // Deleted with its conversation, or already recorded by an earlier attempt that died before this row did.
            entry.Complete(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var result = await SendAsync(db, message, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (result.Accepted)
        {
            if (result.ChannelMessageId is { } channelMessageId) message.RecordChannelMessageId(channelMessageId);
            message.MarkDelivery(result.Delivered ? DeliveryStatus.Delivered : DeliveryStatus.Sent, now);
            entry.Complete(now);
        }
        else if (result.Permanent || entry.Attempts + 1 >= options.Value.MaxAttempts)
        {
            var reason = result.Permanent ? result.Error : $"{result.Error} (gave up after {entry.Attempts + 1} attempts)";
            logger.LogWarning("Message {MessageId} not delivered: {Reason}", message.Id, reason);
            message.MarkDelivery(DeliveryStatus.Failed, now, reason);
            entry.Complete(now);
        }
        else
        {
            entry.RetryLater(result.Error ?? "", now + options.Value.RetryDelayAfter(entry.Attempts + 1));
        }
        await db.SaveAndPublishAsync(publisher, cancellationToken);
    }

    private async Task<DeliveryResult> SendAsync(InboundDbContext db, Message message, CancellationToken cancellationToken)
    {
        var target = await (
            from c in db.Conversations
            join ch in db.Channels on c.ChannelId equals ch.Id
            where c.Id == message.ConversationId
            select new
            {
                Channel = ch,
                ExternalId = db.ContactIdentities.Where(i => i.ContactId == c.ContactId && i.ChannelId == ch.Id).Select(i => i.ExternalId).FirstOrDefault(),
                LastFromContact = db.Messages.Where(m => m.ConversationId == c.Id && m.Direction == MessageDirection.Inbound)
                    .OrderByDescending(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefault(),
            }).AsNoTracking().SingleAsync(cancellationToken);

        if (!target.Channel.IsEnabled) return DeliveryResult.Refused($"The channel {target.Channel.Name} is disabled.");
        if (!_senders.TryGetValue(target.Channel.Type, out var sender)) return DeliveryResult.Refused($"Inbound cannot send on {target.Channel.Type} channels.");
        if (string.IsNullOrEmpty(target.ExternalId)) return DeliveryResult.Refused("The contact has no address on this channel.");

        var fileIds = message.AttachmentIds ?? [];
        var files = fileIds.Count == 0 ? [] : await db.Set<StoredFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToListAsync(cancellationToken);
        var outbound = new OutboundMessage(message.Id, message.ConversationId, target.Channel.Id, target.Channel.Key, target.ExternalId, message.Body, message.QuickReplies)
        {
            Settings = target.Channel.Settings,
            Secret = target.Channel.Secret,
            ContactLastMessageAt = target.LastFromContact,
            Attachments = files.Select(f => new OutboundAttachment(f.Id, f.FileName, f.ContentType, f.Length, ct => media.OpenAsync(f, ct))).ToList(),
        };
        try
        {
            return await sender.SendAsync(outbound, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryResult.Transient(ex.Message);
        }
    }
}
