using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Conversations;

/// <summary>The contact rated a closed conversation 1–5 (the reports count the rating when it was given).</summary>
public sealed record ConversationRated(Guid ConversationId, int Rating, DateTime OccurredAt) : IDomainEvent;
