namespace Inbound.Domain.Workflows;

/// <summary>Pauses the run; it goes on when the delay has passed, even across a restart of the app.</summary>
public sealed class WaitStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.Wait;
    protected override string KindNameValue => "Wait";

    public int Minutes { get; set; } = 5;

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");
    public override string Summary(WorkflowNames names) => $"Wait {Durations.Describe(Minutes)}";

    public override IEnumerable<string> SettingProblems()
    {
        if (Minutes < 1) yield return "Wait at least one minute.";
    }
}
