using Bunit;
using Inbound.Web.Inbox.Assist;
using Inbound.Web.Inbox.Components;
using MudBlazor;

namespace Inbound.Tests.Inbox.Assist;

public class CloseDialogSummaryTests : MudComponentTest
{
    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(AiDraftRequest? draft)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<CloseConversationDialog>("Close conversation",
            new DialogParameters<CloseConversationDialog> { { d => d.Categories, ["Resolved", "Refund"] }, { d => d.DraftSummary, draft } }));
        return (provider, dialog);
    }

    private static void Pick(IRenderedComponent<MudDialogProvider> provider, string category)
    {
        var radio = provider.FindAll("[data-testid=close-category] .mud-radio").Single(r => r.TextContent.Contains(category)).QuerySelector("input")!;
        if (radio.HasAttribute("blazor:onchange")) radio.Change(true);
        else radio.Click();
    }

    [Fact]
    public async Task The_dialog_opens_with_the_models_summary_marked_AI_written_and_saves_it_as_such()
    {
        var (provider, dialog) = await OpenAsync(_ => Task.FromResult(AiDraft.Written("Refunded the duplicate charge.")));

        provider.WaitForAssertion(() => Assert.Equal("Refunded the duplicate charge.", provider.Find("textarea").GetAttribute("value")));
        Assert.NotEmpty(provider.FindAll("[data-testid=ai-written]"));
        Pick(provider, "Refund");
        provider.Find("[data-testid=close-confirm]").Click();

        Assert.Equal(new ClosingNoteInput("Refund", "Refunded the duplicate charge.", AiWritten: true), (await dialog.Result)!.Data);
    }

    [Fact]
    public async Task A_summary_the_agent_changed_is_saved_as_their_own()
    {
        var (provider, dialog) = await OpenAsync(_ => Task.FromResult(AiDraft.Written("Refunded the charge.")));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=ai-written]")));

        provider.Find("textarea").Input("Refunded the charge; card replaced.");

        Assert.Empty(provider.FindAll("[data-testid=ai-written]"));
        Pick(provider, "Refund");
        provider.Find("[data-testid=close-confirm]").Click();
        Assert.Equal(new ClosingNoteInput("Refund", "Refunded the charge; card replaced.", AiWritten: false), (await dialog.Result)!.Data);
    }

    [Fact]
    public async Task When_the_model_fails_the_dialog_is_empty_with_a_note()
    {
        var (provider, _) = await OpenAsync(_ => Task.FromResult(AiDraft.Missing(AiDraftProblem.Failed)));

        provider.WaitForAssertion(() => Assert.Contains("Write your own", provider.Find("[data-testid=close-summary-note]").TextContent));
        Assert.Equal("", provider.Find("textarea").GetAttribute("value") ?? "");
        Assert.Empty(provider.FindAll("[data-testid=ai-written]"));
    }

    [Fact]
    public async Task While_the_model_is_slow_the_agent_writes_their_own_and_a_late_draft_does_not_replace_it()
    {
        var late = new TaskCompletionSource<AiDraft>();
        var (provider, dialog) = await OpenAsync(_ => late.Task);

        Assert.NotEmpty(provider.FindAll("[data-testid=close-summary-drafting]"));
        provider.Find("textarea").Input("Answered the question.");
        await provider.InvokeAsync(() => late.SetResult(AiDraft.Written("Something else.")));

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=close-summary-drafting]")));
        Assert.Equal("Answered the question.", provider.Find("textarea").GetAttribute("value"));
        Pick(provider, "Resolved");
        provider.Find("[data-testid=close-confirm]").Click();
        Assert.False(((ClosingNoteInput)(await dialog.Result)!.Data!).AiWritten);
    }
}
