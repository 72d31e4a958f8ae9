namespace Inbound.Domain.SeedWork;

/// <summary>Something that happened in the domain that other parts of the product react to.</summary>
public interface IDomainEvent
{
    DateTime OccurredAt { get; }
}
