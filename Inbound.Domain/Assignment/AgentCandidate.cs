using Inbound.Domain.Agents;

namespace Inbound.Domain.Assignment;

/// <summary>An agent as the assignment sees them at the moment of the decision.</summary>
public sealed record AgentCandidate(
    Guid AgentId,
    string Name,
    AgentAvailability Availability,
    int Capacity,
    int OpenConversations,
    bool InTeam,
    long LastAssignmentTicket,
    IReadOnlyCollection<string>? Skills = null);
