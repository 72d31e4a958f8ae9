using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Events;

/// <summary>Hands committed domain events to every subscriber (engine, inbox notifier, hub).</summary>
public interface IDomainEventPublisher
{
    Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default);
}
