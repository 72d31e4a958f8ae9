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

    public override string Summary(WorkflowNames names)
    {
        var sources = Sources.Count == 0 ? "nobody" : string.Join(" or ", Sources.Select(s => s.ToString().ToLowerInvariant()));
        var channels = ChannelKeys.Count == 0 ? "any channel" : string.Join(", ", ChannelKeys);
        return $"Opened by {sources} · {channels}";
    }

    public override IEnumerable<string> SettingProblems()
    {
        if (Sources.Count == 0) yield return "Choose at least one source that opens the conversation (Contact, User, Workflow or Api).";
    }
}
