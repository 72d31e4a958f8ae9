using Inbound.Domain.Assignment;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>How a step finished an activation: with an outcome, waiting, by jumping, or by ending the run.</summary>
public abstract record StepResult(string Detail)
{
    public static StepResult Outcome(string key, string detail, AssignmentDecision? decision = null) => new OutcomeResult(key, detail, decision);
    public static StepResult Waiting(string detail) => new WaitingResult(detail);
    public static StepResult Jump(string targetNodeId, string detail) => new JumpResult(targetNodeId, detail);
    public static StepResult End(string detail) => new EndResult(detail);

    public sealed record OutcomeResult(string Key, string Detail, AssignmentDecision? Decision) : StepResult(Detail);
    public sealed record WaitingResult(string Detail) : StepResult(Detail);
    public sealed record JumpResult(string TargetNodeId, string Detail) : StepResult(Detail);
    public sealed record EndResult(string Detail) : StepResult(Detail);
}
