using Inbound.Domain.Assignment;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>How a step finished an activation: with an outcome, waiting, by jumping, or by ending the run.</summary>
/// <param name="Said">What the step did, as a phrase a screen says in its reader's language.</param>
public abstract record StepResult(Phrase Said)
{
    /// <summary>What the step did, in English (the API, logs).</summary>
    public string Detail => Said.English;

    public static StepResult Outcome(string key, Phrase said, AssignmentDecision? decision = null) => new OutcomeResult(key, said, decision);
    public static StepResult Waiting(Phrase said) => new WaitingResult(said);
    public static StepResult Jump(string targetNodeId, Phrase said) => new JumpResult(targetNodeId, said);
    public static StepResult End(Phrase said) => new EndResult(said);

    public sealed record OutcomeResult(string Key, Phrase Said, AssignmentDecision? Decision) : StepResult(Said);
    public sealed record WaitingResult(Phrase Said) : StepResult(Said);
    public sealed record JumpResult(string TargetNodeId, Phrase Said) : StepResult(Said);
    public sealed record EndResult(Phrase Said) : StepResult(Said);
}
