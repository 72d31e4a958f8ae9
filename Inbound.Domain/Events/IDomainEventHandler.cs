using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Events;

/// <summary>Subscribes to one kind of domain event. Handlers run after the change is committed.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
