using Inbound.Domain.Channels;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Inbound.Web.Channels.Admin;

public partial class ChannelsSettingsPage
{
    [Inject] private ChannelAdministration Channels { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<ChannelsSettingsPage> L { get; set; } = default!;
    [Inject] private IStringLocalizer<EnumNames> Names { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    private IReadOnlyList<ChannelRow>? _rows;
    private Guid? _testing;
    private string? _testRecipient;
    private string? _testText;

    protected override Task OnInitializedAsync()
    {
        _testText = L["TestMessageText"];
        return ReloadAsync();
    }

    private async Task ReloadAsync() => _rows = await Channels.ListAsync();

    private async Task EditAsync(ChannelRow? row)
    {
        var dialog = await Dialogs.ShowAsync<ChannelDialog>(row is null ? L["AddChannel"] : L["EditChannel", row.Name],
            new DialogParameters<ChannelDialog> { { d => d.Existing, row }, { d => d.Actor, await ActorAsync() } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false } result) return;
        if (result.Data is string warning) Snackbar.Add(warning, Severity.Warning);
        else Snackbar.Add(L["ChannelSaved"], Severity.Success);
        await ReloadAsync();
    }

    private async Task SetEnabledAsync(ChannelRow row, bool enabled)
    {
        await Channels.SetEnabledAsync(await ActorAsync(), row.Id, enabled);
        Snackbar.Add(enabled ? L["IsEnabled", row.Name] : L["IsDisabled", row.Name], Severity.Info);
        await ReloadAsync();
    }

    private async Task DeleteAsync(ChannelRow row)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["DeleteChannel"], L["DeleteMessage", row.Name], yesText: L["Delete"], cancelText: L["Cancel"]) != true)
            return;
        if (await Channels.DeleteAsync(await ActorAsync(), row.Id) is { } refusal) Snackbar.Add(refusal, Severity.Error);
        else Snackbar.Add(L["Deleted", row.Name], Severity.Success);
        await ReloadAsync();
    }

    private async Task<Actor> ActorAsync() => Actor.From((await AuthenticationState).User);

    private void ToggleTest(ChannelRow row) => _testing = _testing == row.Id ? null : row.Id;

    private async Task SendTestAsync(ChannelRow row)
    {
        var result = await Channels.SendTestAsync(row.Id, _testRecipient ?? "", _testText is { Length: > 0 } text ? text : L["Test"]);
        if (result.Accepted) Snackbar.Add(L["SentThrough", row.Name], Severity.Success);
        else Snackbar.Add(L["NotSent", result.Error ?? ""], Severity.Error);
    }

    private async Task CopyAsync(string text)
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", text);
            Snackbar.Add(L["Copied"], Severity.Normal);
        }
        catch (JSException)
        {
            Snackbar.Add(L["CopyRefused"], Severity.Warning);
        }
    }

    private string When(DateTime? at) => at is { } t ? Inbox.Components.Waiting.Time(t, Clock.GetUtcNow().UtcDateTime) : L["Never"];

    private static string Icon(ChannelType type) => type switch
    {
        ChannelType.Telegram => Icons.Custom.Brands.Telegram,
        ChannelType.WhatsApp => Icons.Custom.Brands.WhatsApp,
        ChannelType.Email => Icons.Material.Filled.Email,
        ChannelType.WebChat => Icons.Material.Filled.Chat,
        ChannelType.Line => Icons.Material.Filled.ChatBubble,
        _ => Icons.Material.Filled.Webhook,
    };

    private string RecipientLabel(ChannelType type) => type switch
    {
        ChannelType.Telegram => L["RecipientTelegram"],
        ChannelType.WhatsApp => L["RecipientWhatsApp"],
        ChannelType.Line => L["RecipientLine"],
        _ => L["RecipientOther"],
    };
}
