namespace Inbound.Domain.Workflows;

/// <summary>Starts a run when a conversation is closed (a survey, a follow-up tag…).</summary>
public sealed class ConversationClosedTrigger : TriggerNode
{
    protected override NodeKind KindValue => NodeKind.ConversationClosed;
    protected override string KindNameValue => "Conversation closed";
    public override Phrase Summarize(WorkflowNames names) => Phrase.Of(PhraseCode.SummaryClosedTrigger, "When a conversation is closed");
}
