using Inbound.Domain.Conversations;
using Inbound.Web.Ai;
using Microsoft.Extensions.AI;

namespace Inbound.Web.Inbox.Assist;

/// <summary>
/// The agents' AI help: a reply to edit, a summary of the thread, a closing summary. It only drafts: the text goes to
/// the agent, who decides what is sent or saved. A failing or slow service becomes an <see cref="AiDraft"/> with its
/// problem, never an exception, so the inbox carries on as without AI.
/// </summary>
/// <param name="chat">The AI client in force, or null while AI is off (read on every call: an admin may switch it).</param>
public sealed class AgentAssistant(Func<IChatClient?> chat, ILogger<AgentAssistant> logger)
{
    public bool IsOn => chat() is not null;

    public Task<AiDraft> SuggestReplyAsync(ConversationThread thread, string agentName, CancellationToken cancellationToken) =>
        DraftAsync("reply", thread, AssistPrompts.SuggestReply(thread, agentName), int.MaxValue, cancellationToken);

    public Task<AiDraft> SummarizeAsync(ConversationThread thread, CancellationToken cancellationToken) =>
        DraftAsync("summary", thread, AssistPrompts.Summarize(thread), ClosingNote.MaxSummaryLength, cancellationToken);

    private async Task<AiDraft> DraftAsync(string kind, ConversationThread thread, IReadOnlyList<ChatMessage> prompt, int maxLength,
        CancellationToken cancellationToken)
    {
        if (chat() is not { } client) return AiDraft.Missing(AiDraftProblem.Off);
        try
        {
            var answer = await client.GetResponseAsync(prompt, cancellationToken: cancellationToken);
            var text = answer.Text.Trim();
            if (text.Length == 0) return AiDraft.Missing(AiDraftProblem.Failed);
            return AiDraft.Written(text.Length > maxLength ? text[..maxLength] : text);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The AI {Kind} for conversation {ConversationId} failed", kind, thread.Id);
            return AiDraft.Missing(ProblemOf(e));
        }
    }

    private static AiDraftProblem ProblemOf(Exception e) => e switch
    {
        AiUnavailableException { Failure: AiFailure.Off } => AiDraftProblem.Off,
        AiUnavailableException { Failure: AiFailure.Timeout } or TimeoutException or OperationCanceledException => AiDraftProblem.TimedOut,
        _ => AiDraftProblem.Failed,
    };
}
