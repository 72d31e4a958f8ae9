using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Web.Workflows.Simulator;

/// <summary>What an AI step answered in a simulation, shown in the simulator's trace; nothing of it is sent or stored.</summary>
/// <param name="Question">The contact's message the step asked with.</param>
/// <param name="AiOff">The answer failed because AI is switched off in the settings, not because the service failed.</param>
public sealed record SimulatedAiAnswer(string StepId, string Question, AiStepAnswer Answer, bool AiOff)
{
    /// <summary>The port the step takes (answered waits for a follow-up first; hand over and failed leave at once).</summary>
    public string Outcome => Answer.Kind switch
    {
        AiAnswerKind.Answered => Outcomes.Answered,
        AiAnswerKind.HandOver => Outcomes.HandOver,
        _ => Outcomes.Failure,
    };
}
