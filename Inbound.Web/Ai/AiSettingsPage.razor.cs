using Inbound.Web.Admin.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbound.Web.Ai;

public partial class AiSettingsPage
{
    [Inject] private AiSettingsStore Store { get; set; } = null!;
    [Inject] private AiClients Clients { get; set; } = null!;
    [Inject] private Knowledge.KnowledgeBase Knowledge { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    private AiSettingsForm? _form;
    private bool _hasApiKey;
    private bool _busy;
    private bool _saved;
    private string? _error;
    private AiConnectionCheck? _check;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var view = await Store.ViewAsync();
        _form = AiSettingsForm.From(view.Settings);
        _hasApiKey = view.HasApiKey;
    }

    private async Task SaveAsync()
    {
        if (_form is null) return;
        (_busy, _saved, _error, _check) = (true, false, _form.Problem(L), null);
        try
        {
            if (_error is not null) return;
            var user = (await AuthenticationState).User;
            await Store.SaveAsync(_form.ToOptions(), _form.NewApiKey, _form.RemoveApiKey, Actor.From(user));
            await Clients.SettingsSavedAsync();
            // Articles that could not be embedded while AI was off or misconfigured get another try with the new settings.
            if (Clients.Embeddings is not null) await Knowledge.RetryFailedAsync();
            await LoadAsync();
            _saved = true;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task TestAsync()
    {
        if (_form is null) return;
        (_busy, _saved, _error, _check) = (true, false, _form.Problem(L), null);
        try
        {
            if (_error is not null) return;
            // The form's values as typed, so an admin can try a server before saving it; an empty key field means the stored one.
            var candidate = _form.ToOptions() with { Enabled = true, ApiKey = _form.RemoveApiKey ? null : _form.NewApiKey };
            if (!_form.RemoveApiKey) candidate = await Store.WithStoredKeyAsync(candidate);
            _check = await Clients.TestAsync(candidate);
        }
        finally
        {
            _busy = false;
        }
    }
}
