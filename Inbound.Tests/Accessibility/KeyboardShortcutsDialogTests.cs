using Bunit;
using Inbound.Web.Inbox.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Inbound.Tests.Accessibility;

public class KeyboardShortcutsDialogTests : MudComponentTest
{
    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<KeyboardShortcutsDialog>("Keyboard shortcuts"));
        return provider;
    }

    private static Dictionary<string, string> Rows(IRenderedComponent<MudDialogProvider> provider) =>
        provider.FindAll("[data-testid=shortcut]").ToDictionary(
            r => string.Join("+", r.QuerySelectorAll("kbd").Select(k => k.TextContent)),
            r => r.QuerySelectorAll("td")[1].TextContent.Trim());

    [Fact]
    public async Task The_help_dialog_lists_every_key_of_the_agents_loop()
    {
        var rows = Rows(await OpenAsync());

        Assert.Equal("Next conversation in the list", rows["j+↓"]);
        Assert.Equal("Previous conversation in the list", rows["k+↑"]);
        Assert.Equal("Open the conversation", rows["Enter"]);
        Assert.Equal("Write a reply", rows["r"]);
        Assert.Equal("Write an internal note", rows["n"]);
        Assert.Equal("Send the reply or note", rows["Ctrl+Enter"]);
        Assert.Equal("Close the conversation with a category", rows["c"]);
        Assert.Equal("Show these shortcuts", rows["?"]);
    }

    [Fact]
    public async Task A_thai_agent_reads_the_shortcuts_in_thai()
    {
        using var thai = new InThai();

        var provider = await OpenAsync();

        Assert.Equal("เขียนข้อความตอบกลับ", Rows(provider)["r"]);
        Assert.Contains("ปุ่ม", provider.Find("thead").TextContent);
    }

    [Fact]
    public async Task Done_closes_the_dialog()
    {
        var provider = await OpenAsync();

        provider.Find("[data-testid=shortcuts-done]").Click();

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=shortcut]")));
    }
}
