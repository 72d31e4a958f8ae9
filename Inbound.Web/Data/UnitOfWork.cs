using Inbound.Domain.Events;

namespace Inbound.Web.Data;

public static class UnitOfWork
{
    /// <summary>Saves the context's changes, then publishes the domain events they raised: subscribers only see committed state.</summary>
    public static async Task SaveAndPublishAsync(this InboundDbContext db, IDomainEventPublisher publisher, CancellationToken cancellationToken = default)
    {
        var events = db.TakeDomainEvents();
        await db.SaveChangesAsync(cancellationToken);
        await publisher.PublishAsync(events, cancellationToken);
    }
}
