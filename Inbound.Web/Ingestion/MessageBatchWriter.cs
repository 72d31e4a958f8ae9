using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using System.Diagnostics;
using Inbound.Domain.SeedWork;
using Inbound.Web.Contacts.Blocking;
using Inbound.Web.Data;
using Inbound.Web.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Ingestion;

/// <summary>
/// Stores a batch of incoming messages in one transaction: duplicates answer as their first copy did, each
/// contact's messages join its open conversation or open exactly one. When a write conflicts with another
/// writer (another node, or an agent closing the conversation meanwhile), the batch is replayed one message
/// at a time on fresh state, so that nothing accepted is lost. It returns the committed domain events for the
/// caller to publish, so that subscribers never hold up the next batch.
/// </summary>
internal sealed class MessageBatchWriter(
    IDbContextFactory<InboundDbContext> dbFactory,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    ILogger<MessageBatchWriter> logger)
{
    private const int ConflictRetries = 8;

    public async Task<IReadOnlyList<IDomainEvent>> WriteAsync(IReadOnlyList<PendingMessage> batch, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteOnceAsync(batch, cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogDebug(ex, "Batch of {Count} conflicted; writing its messages one at a time", batch.Count);
            var events = new List<IDomainEvent>();
            foreach (var pending in batch) events.AddRange(await WriteAloneAsync(pending, cancellationToken));
            return events;
        }
        catch (Exception ex)
        {
            foreach (var pending in batch) pending.Completion.TrySetException(ex);
            return [];
        }
    }

    private async Task<IReadOnlyList<IDomainEvent>> WriteAloneAsync(PendingMessage pending, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync([pending], cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < ConflictRetries)
            {
                logger.LogDebug(ex, "Message {MessageId} conflicted (attempt {Attempt}); retrying on fresh state", pending.Message.MessageId, attempt);
                // Another node writing the same contact's conversation commits a batch every few milliseconds: a retry
                // straight away meets the next one.
                await ConflictBackoff.WaitAsync(attempt, cancellationToken);
            }
            catch (Exception ex)
            {
                pending.Completion.TrySetException(ex);
                return [];
            }
        }
    }

    private async Task<IReadOnlyList<IDomainEvent>> WriteOnceAsync(IReadOnlyList<PendingMessage> batch, CancellationToken cancellationToken)
    {
        var reading = Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One open for the batch's reads and its transaction, instead of one per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var state = await BatchState.LoadAsync(db, batch, cancellationToken);
        InboundMetrics.IngestionRead.Record(InboundMetrics.Since(reading));
        var now = clock.GetUtcNow().UtcDateTime;
        var outcomes = new List<(PendingMessage Pending, IngestionResponse? Response, Exception? Error)>(batch.Count);
        var messages = new List<Message>(batch.Count);
        var refused = new Dictionary<Guid, int>();

        foreach (var pending in batch)
        {
            var m = pending.Message;
            var key = (m.ChannelId, m.MessageId);
            if (state.Answers.TryGetValue(key, out var earlier))
            {
                outcomes.Add((pending, earlier, null));
                continue;
            }
            if (state.BlockedContactOf(m) is { } blocked)
            {
                refused[blocked] = refused.GetValueOrDefault(blocked) + 1;
                outcomes.Add((pending, IngestionResponse.RefusedQuietly, null));
                continue;
            }
            try
            {
                var contact = state.ContactFor(m, now);
                contact.UpdateProfile(m.ContactName, m.ContactPhone, m.ContactEmail);
                foreach (var (field, value) in m.ContactFields ?? new Dictionary<string, string>()) contact.SetField(field, value);
                var open = state.OpenConversations.GetValueOrDefault(contact.Id);
                var result = InboundMessageRouting.Receive(contact.Id, m.ChannelId, open, m.Text, m.MessageId, now, m.AttachmentIds,
                    state.AwaitingRating.GetValueOrDefault(contact.Id));
                if (result.Opened)
                {
                    db.Conversations.Add(result.Conversation);
                    state.OpenConversations[contact.Id] = result.Conversation;
                }
                messages.Add(result.Message);
                var response = new IngestionResponse(result.Conversation.Id, result.Message.Id, result.Opened);
                state.Answers[key] = response;
                outcomes.Add((pending, response, null));
            }
            catch (DomainException ex)
            {
                outcomes.Add((pending, null, ex));
            }
        }

        var events = db.TakeDomainEvents();
        events.AddRange(messages.SelectMany(m => m.DomainEvents));
        foreach (var message in messages) message.ClearDomainEvents();

        // Contacts and conversations go through SaveChanges, the message rows (most of the batch) through one
        // multi-row insert; the gate is held for the whole transaction so that it queues behind this node's
        // other writers, and conversations commit together with their messages.
        var waiting = Stopwatch.GetTimestamp();
        await using (await writeGate.HoldAsync(cancellationToken))
        {
            var writing = Stopwatch.GetTimestamp();
            InboundMetrics.IngestionGateWait.Record(Stopwatch.GetElapsedTime(waiting, writing).TotalMilliseconds);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await MessageRowsInsert.InsertAsync(db, messages, cancellationToken);
            foreach (var (contactId, count) in refused) await BlockList.CountRefusedAsync(db, contactId, count, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            InboundMetrics.IngestionTransaction.Record(InboundMetrics.Since(writing));
        }

        var committed = Stopwatch.GetTimestamp();
        foreach (var (pending, _, _) in outcomes) pending.CommittedAt = committed;
        // The writer goes on to the next batch without yielding (SQLite's calls complete synchronously), so senders'
        // continuations queued on this thread would wait for that whole batch or for another thread to steal them:
        // they are released from the thread pool's global queue instead.
        ThreadPool.UnsafeQueueUserWorkItem(static outcomes =>
        {
            foreach (var (pending, response, error) in outcomes)
            {
                if (error is not null) pending.Completion.TrySetException(error);
                else pending.Completion.TrySetResult(response!);
            }
        }, outcomes, preferLocal: false);
        return events;
    }

    /// <summary>What the batch needs from the database, read in a few set queries instead of one per message.</summary>
    private sealed class BatchState
    {
        private readonly InboundDbContext _db;
        private readonly Dictionary<(Guid ChannelId, string ExternalId), Contact> _contacts;

        private BatchState(InboundDbContext db, Dictionary<(Guid, string), Contact> contacts,
            Dictionary<Guid, Conversation> open, Dictionary<(Guid, string), IngestionResponse> answers)
        {
            _db = db;
            _contacts = contacts;
            OpenConversations = open;
            Answers = answers;
        }

        public Dictionary<Guid, Conversation> OpenConversations { get; }

        /// <summary>Closed conversations of the batch's contacts that asked for a rating: a message within the window answers it.</summary>
        public Dictionary<Guid, Conversation> AwaitingRating { get; private init; } = [];
        public Dictionary<(Guid ChannelId, string MessageId), IngestionResponse> Answers { get; }

        /// <summary>The batch's known contacts that someone blocked: their messages are refused quietly, on every channel.</summary>
        private IReadOnlySet<Guid> Blocked { get; init; } = new HashSet<Guid>();

        public Guid? BlockedContactOf(IncomingMessage m) =>
            Blocked.Count > 0 && _contacts.TryGetValue((m.ChannelId, m.ContactExternalId), out var contact) && Blocked.Contains(contact.Id)
                ? contact.Id
                : null;

        public Contact ContactFor(IncomingMessage m, DateTime now)
        {
            if (_contacts.TryGetValue((m.ChannelId, m.ContactExternalId), out var contact)) return contact;
            contact = Contact.FromChannel(m.ChannelId, m.ContactExternalId, m.ContactName, m.ContactPhone, m.ContactEmail, now, m.ContactStandInName);
            _db.Contacts.Add(contact);
            _contacts[(m.ChannelId, m.ContactExternalId)] = contact;
            return contact;
        }

        public static async Task<BatchState> LoadAsync(InboundDbContext db, IReadOnlyList<PendingMessage> batch, CancellationToken ct)
        {
            var channelIds = batch.Select(p => p.Message.ChannelId).Distinct().ToList();
            var messageIds = batch.Select(p => p.Message.MessageId).Distinct().ToList();
            var externalIds = batch.Select(p => p.Message.ContactExternalId).Distinct().ToList();

            var stored = await (
                from m in db.Messages.AsNoTracking()
                join c in db.Conversations on m.ConversationId equals c.Id
                where channelIds.Contains(m.ChannelId) && messageIds.Contains(m.ExternalId!)
                select new { m.ChannelId, m.ExternalId, m.ConversationId, m.Id, Opened = c.FirstMessageId == m.Id && c.Source == ConversationSource.Contact }
            ).ToListAsync(ct);
            var answers = stored.ToDictionary(s => (s.ChannelId, s.ExternalId!), s => new IngestionResponse(s.ConversationId, s.Id, s.Opened));

            // Known contacts with their open conversation in one query: a contact has at most one open conversation
            // (a unique partial index), so the left join adds no rows.
            var known = await (
                from i in db.ContactIdentities
                where channelIds.Contains(i.ChannelId) && externalIds.Contains(i.ExternalId)
                join c in db.Contacts on i.ContactId equals c.Id
                from o in db.Conversations.Where(o => o.ContactId == c.Id && o.Status == ConversationStatus.Open).DefaultIfEmpty()
                select new { i.ChannelId, i.ExternalId, Contact = c, Open = o }
            ).ToListAsync(ct);
            var contacts = known.ToDictionary(k => (k.ChannelId, k.ExternalId), k => k.Contact);
            var blocked = await BlockList.BlockedContactsAsync(db, contacts.Values.Select(c => c.Id), ct);
            var open = new Dictionary<Guid, Conversation>();
            foreach (var k in known) if (k.Open is not null) open[k.Contact.Id] = k.Open;
            var withoutOpen = known.Where(k => k.Open is null).Select(k => k.Contact.Id).Distinct().ToList();
            var awaitingRating = withoutOpen.Count == 0 ? [] : await db.Conversations
                .Where(c => withoutOpen.Contains(c.ContactId) && c.Status == ConversationStatus.Closed && c.CsatOpenUntil != null)
                .ToListAsync(ct);

            return new BatchState(db, contacts, open, answers)
            {
                Blocked = blocked,
                AwaitingRating = awaitingRating.GroupBy(c => c.ContactId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.CsatOpenUntil)!),
            };
        }
    }
}
