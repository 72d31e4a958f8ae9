using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Sla;

/// <summary>A conversation missed a target of its team's SLA (the breach record is written in the same save).</summary>
public sealed record SlaBreached(Guid ConversationId, Guid TeamId, Guid? AgentId, SlaKind Kind, DateTime DueAt, DateTime OccurredAt) : IDomainEvent;
