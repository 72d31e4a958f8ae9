using Inbound.Domain.Assignment;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>One step a run went through: when, with which outcome, what it did, and for an assignment, why it went where it went.</summary>
/// <param name="Detail">What the step did, in English: all that entries logged before <paramref name="Said"/> existed hold.</param>
/// <param name="Said">What the step did, as a phrase a screen says in its reader's language.</param>
/// <param name="TitleSaid">The title of an entry the engine logs outside a step's own run (a reassignment, the queue), as a phrase.</param>
public sealed record RunLogEntry(
    string NodeId,
    NodeKind Kind,
    string Title,
    DateTime At,
    string? Outcome,
    string Detail,
    AssignmentDecision? Decision = null,
    Phrase? Said = null,
    Phrase? TitleSaid = null)
{
    // A factory, not a second constructor: the stored log is read back through the one constructor.
    public static RunLogEntry Of(string nodeId, NodeKind kind, string title, DateTime at, string? outcome, Phrase said, AssignmentDecision? decision = null) =>
        new(nodeId, kind, title, at, outcome, said.English, decision, said);

    public static RunLogEntry Of(string nodeId, NodeKind kind, Phrase title, DateTime at, string? outcome, Phrase said, AssignmentDecision? decision = null) =>
        new(nodeId, kind, title.English, at, outcome, said.English, decision, said, title);
}
