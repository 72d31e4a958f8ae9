using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Agents;

public sealed record AgentAvailabilityChanged(Guid AgentId, AgentAvailability Previous, AgentAvailability Current, DateTime OccurredAt) : IDomainEvent;

public sealed record AgentCapacityChanged(Guid AgentId, int Capacity, DateTime OccurredAt) : IDomainEvent;

public sealed record AgentSkillsChanged(Guid AgentId, IReadOnlyList<string> Skills, DateTime OccurredAt) : IDomainEvent;
