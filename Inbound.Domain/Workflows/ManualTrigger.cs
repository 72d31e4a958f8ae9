namespace Inbound.Domain.Workflows;

/// <summary>Starts a run when an agent starts the workflow on a conversation.</summary>
public sealed class ManualTrigger : TriggerNode
{
    protected override NodeKind KindValue => NodeKind.Manual;
    protected override string KindNameValue => "Started by an agent";
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryManualTrigger, "When an agent starts it on a conversation");
}
