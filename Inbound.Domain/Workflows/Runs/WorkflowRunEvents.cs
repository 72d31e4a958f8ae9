using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>A run recorded an assignment decision or an unanswered question: what reports count as its outcome may have changed.</summary>
public sealed record WorkflowRunOutcomeRecorded(Guid RunId, Guid WorkflowId, Guid ConversationId, DateTime OccurredAt) : IDomainEvent;
