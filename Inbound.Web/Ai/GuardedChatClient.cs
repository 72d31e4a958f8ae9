using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Inbound.Web.Ai;

/// <summary>
/// The outermost link of the chat pipeline: redacts personal data from the messages (when the settings say so), caps
/// the answer's tokens, and runs the call through the <see cref="AiCallGuard"/>.
/// </summary>
public sealed class GuardedChatClient(IChatClient inner, AiCallGuard guard) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var outgoing = guard.Options.RedactPersonalData ? messages.Select(Redacted).ToList() : messages.ToList();
        var capped = options?.Clone() ?? new ChatOptions();
        capped.MaxOutputTokens ??= guard.Options.MaxOutputTokens;
        return guard.RunAsync(AiOperations.Chat, token => base.GetResponseAsync(outgoing, capped, token), r => r.Usage, cancellationToken);
    }

    /// <summary>
    /// Streams the answer after it arrived whole: the limit, the timeout and the token count then cover the whole call,
    /// which matters more here than the first words appearing early.
    /// </summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    private static ChatMessage Redacted(ChatMessage message) => new(message.Role, message.Contents.Select(Redacted).ToList())
    {
        AuthorName = message.AuthorName,
        MessageId = message.MessageId,
    };

    private static AIContent Redacted(AIContent content) =>
        content is TextContent text ? new TextContent(PersonalDataRedaction.Redact(text.Text)) : content;
}
