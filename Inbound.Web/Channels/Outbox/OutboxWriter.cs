using System.Runtime.CompilerServices;
using Inbound.Domain.Conversations;
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
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
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

    private void Wake(DbContext? context)
    {
        if (context is not null && _queuing.Remove(context)) signal.Wake();
    }
}
