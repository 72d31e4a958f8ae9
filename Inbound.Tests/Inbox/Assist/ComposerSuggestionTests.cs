using Bunit;
using Inbound.Web.Inbox.Assist;
using Inbound.Web.Inbox.Components;

namespace Inbound.Tests.Inbox.Assist;

public class ComposerSuggestionTests : MudComponentTest
{
    private readonly List<ComposerMessage> _sent = [];

    private IRenderedComponent<Composer> RenderComposer(AiDraftRequest? suggest) => Render<Composer>(p => p
        .Add(x => x.SuggestReply, suggest)
        .Add(x => x.OnSend, m =>
        {
            _sent.Add(m);
            return Task.FromResult(true);
        }));

    private static AiDraftRequest Answering(AiDraft draft) => _ => Task.FromResult(draft);

    [Fact]
    public void A_suggested_reply_lands_in_the_composer_marked_AI_written_and_is_not_sent()
    {
        var cut = RenderComposer(Answering(AiDraft.Written("Your parcel left our warehouse today.")));

        cut.Find("[data-testid=suggest-reply]").Click();

        Assert.Equal("Your parcel left our warehouse today.", cut.Find("textarea").GetAttribute("value"));
        Assert.Contains("AI-written", cut.Find("[data-testid=ai-written]").TextContent);
        Assert.Empty(_sent);
    }

    [Fact]
    public void Editing_the_suggestion_removes_the_AI_mark_and_the_edited_text_is_sent()
    {
        var cut = RenderComposer(Answering(AiDraft.Written("Your parcel left today.")));
        cut.Find("[data-testid=suggest-reply]").Click();

        cut.Find("textarea").Input("Your parcel left today, Maria.");

        Assert.Empty(cut.FindAll("[data-testid=ai-written]"));
        cut.Find("[data-testid=send]").Click();
        Assert.Equal("Your parcel left today, Maria.", Assert.Single(_sent).Text);
    }

    [Fact]
    public void Without_AI_there_is_no_suggest_button()
    {
        var cut = RenderComposer(null);

        Assert.Empty(cut.FindAll("[data-testid=suggest-reply]"));
    }

    [Fact]
    public void A_failing_service_says_so_and_the_agent_still_writes_and_sends()
    {
        var cut = RenderComposer(Answering(AiDraft.Missing(AiDraftProblem.TimedOut)));

        cut.Find("[data-testid=suggest-reply]").Click();

        Assert.Contains("took too long", cut.Find("[data-testid=suggest-problem]").TextContent);
        cut.Find("textarea").Input("Let me check that for you.");
        cut.Find("[data-testid=send]").Click();
        Assert.Equal("Let me check that for you.", Assert.Single(_sent).Text);
    }

    [Fact]
    public void While_the_model_writes_the_agent_types_on_and_keeps_their_text_until_they_take_the_suggestion()
    {
        var answer = new TaskCompletionSource<AiDraft>();
        var cut = RenderComposer(_ => answer.Task);

        cut.Find("[data-testid=suggest-reply]").Click();
        Assert.Equal("true", cut.Find("[data-testid=suggest-reply]").GetAttribute("aria-busy"));
        cut.Find("textarea").Input("Hello Maria,");
        Assert.False(cut.Find("[data-testid=send]").HasAttribute("disabled"));

        cut.InvokeAsync(() => answer.SetResult(AiDraft.Written("Your parcel left today.")));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=suggestion-ready]")));
        Assert.Equal("Hello Maria,", cut.Find("textarea").GetAttribute("value"));
        cut.Find("[data-testid=use-suggestion]").Click();
        Assert.Equal("Your parcel left today.", cut.Find("textarea").GetAttribute("value"));
        Assert.NotEmpty(cut.FindAll("[data-testid=ai-written]"));
    }
}
