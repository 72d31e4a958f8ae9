using Bunit;
using Inbound.Domain.Conversations;
using Inbound.Web.Inbox.Assist;
using Inbound.Web.Inbox.Components;
using MudBlazor;
using static Inbound.Tests.Inbox.InboxBuilders;

namespace Inbound.Tests.Inbox.Assist;

public class ThreadSummaryTests : MudComponentTest
{
    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(AiDraftRequest summarize)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<ThreadSummaryDialog>("Summary",
            new DialogParameters<ThreadSummaryDialog> { { d => d.Summarize, summarize } }));
        return provider;
    }

    [Fact]
    public async Task The_summary_is_shown_marked_AI_written()
    {
        var provider = await OpenAsync(_ => Task.FromResult(AiDraft.Written("Maria's parcel is late; a refund was approved.")));

        provider.WaitForAssertion(() => Assert.Equal("Maria's parcel is late; a refund was approved.", provider.Find("[data-testid=thread-summary]").TextContent));
        Assert.NotEmpty(provider.FindAll("[data-testid=ai-written]"));
    }

    [Fact]
    public async Task A_failing_service_says_so_instead_of_a_summary()
    {
        var provider = await OpenAsync(_ => Task.FromResult(AiDraft.Missing(AiDraftProblem.TimedOut)));

        provider.WaitForAssertion(() => Assert.Contains("took too long", provider.Find("[data-testid=thread-summary-problem]").TextContent));
        Assert.Empty(provider.FindAll("[data-testid=thread-summary]"));
    }

    [Fact]
    public void The_thread_header_offers_a_summary_only_while_AI_is_on()
    {
        var thread = Thread([Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "Where is my order?")]);
        var asked = 0;

        var off = Render<ThreadView>(p => p.Add(x => x.Thread, thread).Add(x => x.Now, Now));
        var on = Render<ThreadView>(p => p.Add(x => x.Thread, thread).Add(x => x.Now, Now).Add(x => x.OnSummarize, () => asked++));

        Assert.Empty(off.FindAll("[data-testid=summarize]"));
        on.Find("[data-testid=summarize]").Click();
        Assert.Equal(1, asked);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_shortcut_help_lists_the_suggest_key_only_while_AI_is_on(bool aiOn)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<KeyboardShortcutsDialog>("Keyboard shortcuts",
            new DialogParameters<KeyboardShortcutsDialog> { { d => d.WithAi, aiOn } }));

        var keys = provider.FindAll("[data-testid=shortcut] kbd").Select(k => k.TextContent).ToList();
        Assert.Equal(aiOn, keys.Contains("s"));
        Assert.Contains("r", keys);
    }
}
