namespace Inbound.Domain.Workflows;

/// <summary>Goes on at another node; the only way a run may loop back.</summary>
public sealed class JumpToStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.JumpTo;
    protected override string KindNameValue => "Jump to";

    public string TargetNodeId { get; set; } = "";

    public override IReadOnlyList<NodeOutcome> Outcomes() => [];
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryJumpTo, "Jump to {0}", TargetNodeId.Length == 0 ? "…" : TargetNodeId);

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(TargetNodeId)) yield return Phrase.Of(PhraseCode.ProblemJumpTargetMissing, "Choose the step to jump to.");
    }
}
