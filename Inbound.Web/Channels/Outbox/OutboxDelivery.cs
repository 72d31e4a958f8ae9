using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Web.Channels.Media;
using Inbound.Web.Data;
using Inbound.Web.Diagnostics;
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

    /// <summary>Where a conversation's replies go: its channel, the contact's address there, and the contact's last message.</summary>
    private sealed record Target(Channel Channel, string? ExternalId, DateTime? LastFromContactAt, string? LastFromContactId);

    public async Task DeliverAsync(IReadOnlyList<Guid> messageIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.Set<OutboxEntry>().Where(o => messageIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var messages = await db.Messages.Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        // What the round's messages need, read for the whole round at once (a query per message was the backlog's
        // bottleneck): targets by conversation, files by id, and the channels that notices go to.
        var pending = messages.Values.Where(m => m.DeliveryStatus == DeliveryStatus.Pending).ToList();
        var targets = await TargetsAsync(db, pending.Select(m => m.ConversationId).Distinct().ToList(), cancellationToken);
        var fileIds = pending.SelectMany(m => m.AttachmentIds ?? []).Distinct().ToList();
        var files = fileIds.Count == 0
            ? []
            : await db.Set<StoredFile>().AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var noticeChannelIds = entries.Where(e => e.Notice is not null).Select(e => e.ChannelId).Distinct().ToList();
        var noticeChannels = noticeChannelIds.Count == 0
            ? []
            : await db.Channels.AsNoTracking().Where(c => noticeChannelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

        var attempts = new List<Attempt>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry.Notice is { } notice)
            {
                attempts.Add(new Attempt(entry, null, PrepareNotice(noticeChannels.GetValueOrDefault(entry.ChannelId), entry, notice)));
                continue;
            }
            // Deleted with its conversation, or recorded by an earlier attempt that died before its row was: done.
            if (messages.GetValueOrDefault(entry.Id) is not { DeliveryStatus: DeliveryStatus.Pending } message) attempts.Add(new Attempt(entry, null, null));
            else attempts.Add(new Attempt(entry, message, Prepare(message, targets.GetValueOrDefault(message.ConversationId), files)));
        }

        // Conversations are sent to in parallel, but one conversation's messages one after another in the order they
        // were written: a contact must get the greeting before the question that follows it (and on LINE the first
        // of them takes the event's one reply token).
        var results = new DeliveryResult?[attempts.Count];
        var byConversation = Enumerable.Range(0, attempts.Count)
            .GroupBy(i => attempts[i].Message?.ConversationId ?? attempts[i].Entry.Id)
            .Select(g => g.OrderBy(i => attempts[i].Message?.CreatedAt ?? attempts[i].Entry.CreatedAt).ThenBy(i => attempts[i].Entry.Id).ToList())
            .ToList();
        await Parallel.ForEachAsync(byConversation,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (inOrder, ct) =>
            {
                foreach (var i in inOrder) results[i] = attempts[i].Send is { } send ? await SendTracedAsync(attempts[i], send, ct) : null;
            });

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

    private static async Task<Dictionary<Guid, Target>> TargetsAsync(InboundDbContext db, List<Guid> conversationIds, CancellationToken cancellationToken)
    {
        if (conversationIds.Count == 0) return [];
        var rows = await (
            from c in db.Conversations
            join ch in db.Channels on c.ChannelId equals ch.Id
            where conversationIds.Contains(c.Id)
            select new
            {
                ConversationId = c.Id,
                Channel = ch,
                ExternalId = db.ContactIdentities.Where(i => i.ContactId == c.ContactId && i.ChannelId == ch.Id).Select(i => i.ExternalId).FirstOrDefault(),
                LastFromContact = db.Messages.Where(m => m.ConversationId == c.Id && m.Direction == MessageDirection.Inbound)
                    .OrderByDescending(m => m.CreatedAt).Select(m => new { m.CreatedAt, m.ExternalId }).FirstOrDefault(),
            }).AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ConversationId, r => new Target(r.Channel, r.ExternalId, r.LastFromContact?.CreatedAt, r.LastFromContact?.ExternalId));
    }

    /// <summary>The call that hands one message to its sender; everything it needs was read for the round, so it only talks to the provider.</summary>
    private Func<CancellationToken, Task<DeliveryResult>> Prepare(Message message, Target? target, IReadOnlyDictionary<Guid, StoredFile> storedFiles)
    {
        if (target is null) return Refuse("The conversation no longer exists.");
        if (!target.Channel.IsEnabled) return Refuse($"The channel {target.Channel.Name} is disabled.");
        if (!_senders.TryGetValue(target.Channel.Type, out var sender)) return Refuse($"Inbound cannot send on {target.Channel.Type} channels.");
        if (string.IsNullOrEmpty(target.ExternalId)) return Refuse("The contact has no address on this channel.");

        var files = (message.AttachmentIds ?? []).Select(id => storedFiles.GetValueOrDefault(id)).OfType<StoredFile>();
        var outbound = new OutboundMessage(message.Id, message.ConversationId, target.Channel.Id, target.Channel.Key, target.ExternalId, message.Body, message.QuickReplies)
        {
            Settings = target.Channel.Settings,
            Secret = target.Channel.Secret,
            ContactLastMessageAt = target.LastFromContactAt,
            InReplyTo = target.LastFromContactId,
            Template = message.Template,
            Attachments = files.Select(f => new OutboundAttachment(f.Id, f.FileName, f.ContentType, f.Length, ct => media.OpenAsync(f, ct))).ToList(),
        };
        return ct => sender.SendAsync(outbound, ct);

        static Func<CancellationToken, Task<DeliveryResult>> Refuse(string reason) => _ => Task.FromResult(DeliveryResult.Refused(reason));
    }

    /// <returns>Null when there is no one to tell any more (the channel was disabled, deleted or lost its URL).</returns>
    private Func<CancellationToken, Task<DeliveryResult>>? PrepareNotice(Channel? channel, OutboxEntry entry, string notice)
    {
        if (channel is not { IsEnabled: true } || channel.Setting(ChannelSettingNames.OutboundUrl) is not { } url) return null;
        var parsed = Custom.CustomChannelNotice.FromJson(notice) with { NoticeId = entry.Id.ToString("N") };
        return ct => customSender.SendNoticeAsync(url, channel.Secret, parsed, ct);
    }

    /// <summary>One delivery, as a span of its own: the provider call's HTTP span nests in it, and it says what became of it.</summary>
    private static async Task<DeliveryResult> SendTracedAsync(Attempt attempt, Func<CancellationToken, Task<DeliveryResult>> send, CancellationToken cancellationToken)
    {
        using var span = InboundTracing.Source.StartActivity("outbox delivery", System.Diagnostics.ActivityKind.Producer);
        span?.SetTag("inbound.outbox.entry", attempt.Entry.Id);
        span?.SetTag("inbound.outbox.attempt", attempt.Entry.Attempts + 1);
        span?.SetTag("inbound.conversation.id", attempt.Message?.ConversationId);
        var result = await SendAsync(send, cancellationToken);
        span?.SetTag("inbound.delivery.outcome", result.Accepted ? "sent" : result.Permanent ? "refused" : "transient failure");
        if (!result.Accepted) span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error);
        return result;
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
