using System.Runtime.CompilerServices;
using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Web.Channels.Custom;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbound.Web.Channels.Outbox;

/// <summary>
/// Adds an outbox row for every outbound message a SaveChanges stores, so that the reply and the promise to
/// deliver it commit together: whoever stores a reply (an agent, the workflow engine) cannot forget it, and a crash
/// after the commit loses nothing. After the commit it wakes this node's sender.
/// </summary>
internal sealed class OutboxWriter(OutboxSignal signal, TimeProvider clock) : SaveChangesInterceptor
{
    // The saves that queued something, so that only they wake the sender (not the sender's own saves).
    private readonly ConditionalWeakTable<DbContext, object> _queuing = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        AddNoticesAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        await AddNoticesAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Wake(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEntries(DbContext? context)
    {
        if (context is not InboundDbContext db) return;
        var queued = db.ChangeTracker.Entries<OutboxEntry>().Select(e => e.Entity.Id).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var added = db.ChangeTracker.Entries<Message>()
            .Where(e => e.State == EntityState.Added && e.Entity is { Direction: MessageDirection.Outbound, DeliveryStatus: DeliveryStatus.Pending })
            .Select(e => e.Entity)
            .Where(m => !queued.Contains(m.Id))
            .ToList();
        foreach (var message in added) db.Set<OutboxEntry>().Add(new OutboxEntry(message.Id, message.ChannelId, now));
        if (added.Count > 0) _queuing.AddOrUpdate(db, added);
    }

    /// <summary>
    /// Status changes of conversations and messages on custom channels with an outbound URL, queued in the same save
    /// as the change (see <see cref="CustomChannelNotice"/>). Read from the change tracker, not the domain events:
    /// those are taken before the save, and whoever changes a conversation cannot forget this either.
    /// </summary>
    private async ValueTask AddNoticesAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not InboundDbContext db) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var notices = new List<(Guid ChannelId, CustomChannelNotice Notice)>();
        foreach (var e in db.ChangeTracker.Entries<Conversation>().Where(e => e.State == EntityState.Modified))
        {
            var c = e.Entity;
            // The closing category only: the summary is the team's internal note.
            if (e.Property(x => x.Status).IsModified && c.Status == ConversationStatus.Closed)
                notices.Add((c.ChannelId, new CustomChannelNotice(CustomChannelNotice.Closed, c.Id, now, Reason: c.ClosingNote?.Category)));
            else if (e.Property(x => x.AssigneeId).IsModified && c.AssigneeId is { } agent)
                notices.Add((c.ChannelId, new CustomChannelNotice(CustomChannelNotice.Assigned, c.Id, now, AgentId: agent, TeamId: c.TeamId)));
        }
        foreach (var e in db.ChangeTracker.Entries<Message>().Where(e => e.State == EntityState.Modified && e.Property(x => x.DeliveryStatus).IsModified))
            if (e.Entity is { Direction: MessageDirection.Outbound, DeliveryStatus: DeliveryStatus.Delivered or DeliveryStatus.Read or DeliveryStatus.Failed } m)
                notices.Add((m.ChannelId, CustomChannelNotice.ForDelivery(m, now)));
        if (notices.Count == 0) return;

        var channelIds = notices.Select(n => n.ChannelId).Distinct().ToList();
        var custom = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id) && c.Type == ChannelType.Api).ToListAsync(cancellationToken);
        var listening = custom.Where(c => c.Setting(ChannelSettingNames.OutboundUrl) is not null).Select(c => c.Id).ToHashSet();
        var queued = false;
        foreach (var (channelId, notice) in notices.Where(n => listening.Contains(n.ChannelId)))
        {
            db.Set<OutboxEntry>().Add(OutboxEntry.ForNotice(channelId, notice.ToJson(), now));
            queued = true;
        }
        if (queued) _queuing.AddOrUpdate(db, notices);
    }

    private void Wake(DbContext? context)
    {
        if (context is not null && _queuing.Remove(context)) signal.Wake();
    }
}
