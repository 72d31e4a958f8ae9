using Inbound.Domain.Conversations;

namespace Inbound.Domain.Workflows;

/// <summary>Starts a run when a conversation opens, if its source (and optionally its channel) matches.</summary>
public sealed class ConversationOpenedTrigger : TriggerNode
{
    protected override NodeKind KindValue => NodeKind.ConversationOpened;
    protected override string KindNameValue => "Conversation opened";

    /// <summary>Who opened it; at least one.</summary>
    public List<ConversationSource> Sources { get; set; } = [ConversationSource.Contact];

    /// <summary>Channel keys (e.g. "webchat"); empty matches every channel.</summary>
    public List<string> ChannelKeys { get; set; } = [];

    public bool Matches(ConversationSource source, string channelKey) =>
        Sources.Contains(source) && (ChannelKeys.Count == 0 || ChannelKeys.Contains(channelKey, StringComparer.OrdinalIgnoreCase));

    public override Phrase Summarize(WorkflowNames names)
    {
        object sources = Sources.Count == 0
            ? Phrase.Of(PhraseCode.SourceNobody, "nobody")
            : new PhraseList(" / ", [.. Sources.Select(SourceName)]);
        object channels = ChannelKeys.Count == 0 ? Phrase.Of(PhraseCode.SummaryAnyChannel, "any channel") : new PhraseList(", ", ChannelKeys);
        return Phrase.Parts([Phrase.Of(PhraseCode.SummaryOpenedBy, "Opened by {0}", sources), channels]);
    }

    // Lower case inside the sentence, unlike the source's name in a list of choices.
    private static Phrase SourceName(ConversationSource source) => source switch
    {
        ConversationSource.User => Phrase.Of(PhraseCode.SourceUser, "user"),
        ConversationSource.Workflow => Phrase.Of(PhraseCode.SourceWorkflow, "workflow"),
        ConversationSource.Api => Phrase.Of(PhraseCode.SourceApi, "api"),
        _ => Phrase.Of(PhraseCode.SourceContact, "contact"),
    };

    public override IEnumerable<Phrase> Problems()
    {
        if (Sources.Count == 0) yield return Phrase.Of(PhraseCode.ProblemSourceMissing, "Choose at least one source that opens the conversation (Contact, User, Workflow or Api).");
    }
}
