using Inbound.Tests.Ai;
using Inbound.Web.Inbox.Assist;

namespace Inbound.Tests.Inbox.Assist;

/// <summary>The agents' AI help through the real AI client against the fake OpenAI-compatible server.</summary>
public class AgentAssistantOverHttpTests(AiApp app) : IClassFixture<AiApp>
{
    private AgentAssistant Assistant => app.Services.GetRequiredService<AgentAssistant>();

    [Fact]
    public async Task A_suggestion_comes_back_from_the_service_and_the_contacts_email_never_leaves()
    {
        app.Ai.Mode = FakeAiMode.Normal;
        app.Ai.Answer(m => m.Contains("next reply", StringComparison.Ordinal), "เราจะตรวจสอบพัสดุให้ค่ะ");

        var draft = await Assistant.SuggestReplyAsync(AgentAssistantTests.ThaiThread(), "Ana Agent", CancellationToken.None);

        Assert.Equal("เราจะตรวจสอบพัสดุให้ค่ะ", draft.Text);
        var sent = app.Ai.ChatRequests[^1];
        Assert.Contains("Thai", sent.Body);
        Assert.DoesNotContain("maria@example.com", sent.Body);
        Assert.Contains("[email]", sent.LastUserMessage);
    }

    [Theory]
    [InlineData(FakeAiMode.Slow, AiDraftProblem.TimedOut)]
    [InlineData(FakeAiMode.Failing, AiDraftProblem.Failed)]
    public async Task A_slow_or_failing_service_gives_the_agent_no_text_and_says_why(FakeAiMode mode, AiDraftProblem problem)
    {
        app.Ai.Mode = mode;
        try
        {
            var draft = await Assistant.SummarizeAsync(AgentAssistantTests.ThaiThread(), CancellationToken.None);

            Assert.Equal((null, problem), (draft.Text, draft.Problem));
        }
        finally
        {
            app.Ai.Mode = FakeAiMode.Normal;
        }
    }
}
