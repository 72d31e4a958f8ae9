using Inbound.Domain.Assignment;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>One step a run went through: when, with which outcome, what it did, and for an assignment, why it went where it went.</summary>
public sealed record RunLogEntry(
    string NodeId,
    NodeKind Kind,
    string Title,
    DateTime At,
    string? Outcome,
    string Detail,
    AssignmentDecision? Decision = null);
