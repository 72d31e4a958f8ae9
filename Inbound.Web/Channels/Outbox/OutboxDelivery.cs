using Inbound.Domain.Channels;
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
/// One attempt at a round of claimed messages: read them and their targets, hand each to its channel's sender (a
/// few at once), then record every outcome on the message (sent, or failed with the reason) and on its outbox row
/// (done, or due again after a backoff) in one save. Nothing is dropped: a message either reaches a final status the
/// thread shows, or stays queued. One save per round, not per message: SQLite has one writer, and the replies being
/// queued meanwhile compete for it.
/// </summary>
internal sealed class OutboxDelivery(
    IDbContextFactory<InboundDbContext> dbFactory,
    IEnumerable<IChannelSender> senders,
    Custom.CustomChannelSender customSender,
    IDomainEventPublisher publisher,
    MediaLibrary media,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDelivery> logger)
{
    private readonly Dictionary<ChannelType, IChannelSender> _senders = senders.ToDictionary(s => s.ChannelType);

    private sealed record Attempt(OutboxEntry Entry, Message? Message, Func<CancellationToken, Task<DeliveryResult>>? Send);

    public async Task DeliverAsync(IReadOnlyList<Guid> messageIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.Set<OutboxEntry>().Where(o => messageIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var messages = await db.Messages.Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var attempts = new List<Attempt>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Notice is { } notice)
            {
                attempts.Add(new Attempt(entry, null, await PrepareNoticeAsync(db, entry, notice, cancellationToken)));
                continue;
            }
            // Deleted with its conversation, or recorded by an earlier attempt that died before its row was: done.
            if (messages.GetValueOrDefault(entry.Id) is not { DeliveryStatus: DeliveryStatus.Pending } message) attempts.Add(new Attempt(entry, null, null));
            else attempts.Add(new Attempt(entry, message, await PrepareAsync(db, message, cancellationToken)));
        }

        var results = new DeliveryResult?[attempts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, attempts.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = attempts[i].Send is { } send ? await SendAsync(send, ct) : null);

        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < attempts.Count; i++) Record(attempts[i], results[i], now);
        await db.SaveAndPublishAsync(publisher, cancellationToken);
    }

    private void Record(Attempt attempt, DeliveryResult? result, DateTime now)
    {
        // A notice has no message; an entry without a result has nothing left to send.
        var (entry, message) = (attempt.Entry, attempt.Message);
        if (result is null)
        {
            entry.Complete(now);
        }
        else if (result.Accepted)
        {
            if (message is not null && result.ChannelMessageId is { } channelMessageId) message.RecordChannelMessageId(channelMessageId);
            message?.MarkDelivery(result.Delivered ? DeliveryStatus.Delivered : DeliveryStatus.Sent, now);
            entry.Complete(now);
        }
        else if (result.Permanent || entry.Attempts + 1 >= options.Value.MaxAttempts)
        {
            var reason = result.Permanent ? result.Error : $"{result.Error} (gave up after {entry.Attempts + 1} attempts)";
            logger.LogWarning("Outbox entry {EntryId} not delivered: {Reason}", entry.Id, reason);
            message?.MarkDelivery(DeliveryStatus.Failed, now, reason);
            entry.Complete(now);
        }
        else
        {
            entry.RetryLater(result.Error ?? "", now + options.Value.RetryDelayAfter(entry.Attempts + 1));
        }
    }

    /// <summary>Reads what the sender needs (database work stays on this round's context); the returned call only talks to the provider.</summary>
    private async Task<Func<CancellationToken, Task<DeliveryResult>>> PrepareAsync(InboundDbContext db, Message message, CancellationToken cancellationToken)
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
                    .OrderByDescending(m => m.CreatedAt).Select(m => new { m.CreatedAt, m.ExternalId }).FirstOrDefault(),
            }).AsNoTracking().SingleAsync(cancellationToken);

        if (!target.Channel.IsEnabled) return Refuse($"The channel {target.Channel.Name} is disabled.");
        if (!_senders.TryGetValue(target.Channel.Type, out var sender)) return Refuse($"Inbound cannot send on {target.Channel.Type} channels.");
        if (string.IsNullOrEmpty(target.ExternalId)) return Refuse("The contact has no address on this channel.");

        var fileIds = message.AttachmentIds ?? [];
        var files = fileIds.Count == 0 ? [] : await db.Set<StoredFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToListAsync(cancellationToken);
        var outbound = new OutboundMessage(message.Id, message.ConversationId, target.Channel.Id, target.Channel.Key, target.ExternalId, message.Body, message.QuickReplies)
        {
            Settings = target.Channel.Settings,
            Secret = target.Channel.Secret,
            ContactLastMessageAt = target.LastFromContact?.CreatedAt,
            InReplyTo = target.LastFromContact?.ExternalId,
            Template = message.Template,
            Attachments = files.Select(f => new OutboundAttachment(f.Id, f.FileName, f.ContentType, f.Length, ct => media.OpenAsync(f, ct))).ToList(),
        };
        return ct => sender.SendAsync(outbound, ct);

        static Func<CancellationToken, Task<DeliveryResult>> Refuse(string reason) => _ => Task.FromResult(DeliveryResult.Refused(reason));
    }

    /// <returns>Null when there is no one to tell any more (the channel was disabled, deleted or lost its URL).</returns>
    private async Task<Func<CancellationToken, Task<DeliveryResult>>?> PrepareNoticeAsync(InboundDbContext db, OutboxEntry entry, string notice,
        CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == entry.ChannelId, cancellationToken);
        if (channel is not { IsEnabled: true } || channel.Setting(ChannelSettingNames.OutboundUrl) is not { } url) return null;
        var parsed = Custom.CustomChannelNotice.FromJson(notice) with { NoticeId = entry.Id.ToString("N") };
        return ct => customSender.SendNoticeAsync(url, channel.Secret, parsed, ct);
    }

    private static async Task<DeliveryResult> SendAsync(Func<CancellationToken, Task<DeliveryResult>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryResult.Transient(ex.Message);
        }
    }
}
