using Inbound.Domain.Conversations;
using Inbound.Web.Ai;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Assist;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using static Inbound.Tests.Inbox.InboxBuilders;

namespace Inbound.Tests.Inbox.Assist;

public class AgentAssistantTests
{
    internal static ConversationThread ThaiThread()
    {
        var thread = Thread(
        [
            Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "พัสดุของฉันอยู่ที่ไหน maria@example.com", minutesAgo: 9),
            Entry(MessageDirection.InternalNote, AuthorKind.Agent, "Ana Agent", "Courier lost it, refund approved", minutesAgo: 8),
            Entry(MessageDirection.Outbound, AuthorKind.Agent, "Ana Agent", "I'm checking with the courier", minutesAgo: 7),
        ]);
        return thread with { Contact = thread.Contact with { Fields = new Dictionary<string, string> { ["Language"] = "th" } } };
    }

    private static AgentAssistant With(IChatClient? chat) => new(() => chat, NullLogger<AgentAssistant>.Instance);

    [Fact]
    public async Task A_suggested_reply_is_asked_for_in_the_contacts_language_without_the_teams_internal_notes()
    {
        var chat = ScriptedChatClient.Answering("  เรากำลังตรวจสอบกับบริษัทขนส่งค่ะ  ");

        var draft = await With(chat).SuggestReplyAsync(ThaiThread(), "Ana Agent", CancellationToken.None);

        Assert.Equal("เรากำลังตรวจสอบกับบริษัทขนส่งค่ะ", draft.Text);
        var prompt = string.Join("\n", Assert.Single(chat.Requests).Select(m => m.Text));
        Assert.Contains("Thai", prompt);
        Assert.Contains("Contact: พัสดุของฉันอยู่ที่ไหน", prompt);
        Assert.Contains("Agent Ana Agent: I'm checking with the courier", prompt);
        Assert.DoesNotContain("refund approved", prompt);
    }

    [Fact]
    public async Task A_summary_reads_the_internal_notes_too()
    {
        var chat = ScriptedChatClient.Answering("Parcel lost; refund approved.");

        var draft = await With(chat).SummarizeAsync(ThaiThread(), CancellationToken.None);

        Assert.True(draft.Succeeded);
        Assert.Contains("refund approved", Assert.Single(chat.Requests).Last().Text);
    }

    [Fact]
    public async Task A_failing_or_slow_service_becomes_a_missing_draft_not_an_exception()
    {
        var failed = await With(ScriptedChatClient.Throwing(new HttpRequestException("500"))).SuggestReplyAsync(ThaiThread(), "Ana", CancellationToken.None);
        var slow = await With(ScriptedChatClient.Throwing(new AiUnavailableException(AiFailure.Timeout, "No answer within 20 s."))).SummarizeAsync(ThaiThread(), CancellationToken.None);
        var off = await With(null).SummarizeAsync(ThaiThread(), CancellationToken.None);

        Assert.Equal((null, AiDraftProblem.Failed), (failed.Text, failed.Problem));
        Assert.Equal(AiDraftProblem.TimedOut, slow.Problem);
        Assert.Equal(AiDraftProblem.Off, off.Problem);
    }
}
