using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Workflows;

public sealed record WorkflowPublished(Guid WorkflowId, Guid VersionId, int Number, DateTime OccurredAt) : IDomainEvent;

public sealed record WorkflowDisabled(Guid WorkflowId, DateTime OccurredAt) : IDomainEvent;
