using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Teams;

/// <summary>An agent joined a team: the team's queue may now have someone to go to.</summary>
public sealed record TeamMemberAdded(Guid TeamId, Guid AgentId, DateTime OccurredAt) : IDomainEvent;

/// <summary>A team's time zone or hours changed: workflows that use them must read them again.</summary>
public sealed record TeamHoursChanged(Guid TeamId, DateTime OccurredAt) : IDomainEvent;
