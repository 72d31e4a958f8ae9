using Bunit;
using Inbound.Web.Inbox.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Inbound.Tests.Inbox;

public class CloseConversationDialogTests : MudComponentTest
{
    private static readonly IReadOnlyList<string> Categories = ["Resolved", "Refund", "Spam"];

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<CloseConversationDialog>("Close conversation",
            new DialogParameters<CloseConversationDialog> { { d => d.Categories, Categories } }));
        return (provider, dialog);
    }

    [Fact]
    public async Task Closing_needs_both_a_category_and_a_summary()
    {
        var (provider, _) = await OpenAsync();

        Assert.True(provider.Find("[data-testid=close-confirm]").HasAttribute("disabled"));
        provider.Find("textarea").Input("Answered");
        Assert.True(provider.Find("[data-testid=close-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Closing_returns_the_chosen_category_and_the_summary()
    {
        var (provider, dialog) = await OpenAsync();

        var refund = provider.FindAll("[data-testid=close-category] .mud-radio").Single(r => r.TextContent.Contains("Refund")).QuerySelector("input")!;
        if (refund.HasAttribute("blazor:onchange")) refund.Change(true);
        else refund.Click();
        provider.Find("textarea").Input("Refunded the duplicate charge");
        provider.Find("[data-testid=close-confirm]").Click();

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        Assert.Equal(new ClosingNoteInput("Refund", "Refunded the duplicate charge"), result.Data);
    }

    [Fact]
    public async Task Cancelling_closes_nothing()
    {
        var (provider, dialog) = await OpenAsync();

        provider.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        Assert.True((await dialog.Result)!.Canceled);
    }
}
