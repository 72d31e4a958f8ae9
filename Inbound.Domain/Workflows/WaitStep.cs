using System.Text.Json.Serialization;

namespace Inbound.Domain.Workflows;

/// <summary>
/// Pauses the run for a delay, or until a business-hours step's schedule opens; it goes on when the time has come,
/// even across a restart of the app.
/// </summary>
public sealed class WaitStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.Wait;
    protected override string KindNameValue => "Wait";

    public int Minutes { get; set; } = 5;

    /// <summary>
    /// The id of a Business hours step: when set, the run waits until its schedule opens (at once when open) instead of
    /// waiting <see cref="Minutes"/>. Pointing at the step rather than copying its hours keeps one schedule to edit.
    /// </summary>
    public string? UntilOpenOf { get; set; }

    [JsonIgnore] public bool WaitsForOpening => !string.IsNullOrWhiteSpace(UntilOpenOf);

    public override IReadOnlyList<NodeOutcome> Outcomes() => Single(Workflows.Outcomes.Next, "Then");

    public override Phrase Summarize(WorkflowNames names) => WaitsForOpening
        ? Phrase.Of(PhraseCode.SummaryWaitUntilOpen, "Wait until business hours open")
        : Phrase.Of(PhraseCode.SummaryWait, "Wait {0}", Durations.Of(Minutes));

    public override IEnumerable<Phrase> Problems()
    {
        if (!WaitsForOpening && Minutes < 1) yield return Phrase.Of(PhraseCode.ProblemWaitTooShort, "Wait at least one minute.");
    }
}
