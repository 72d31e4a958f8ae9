using Inbound.Web.Admin;
using Inbound.Domain.Contacts;
using Inbound.Web.Admin.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Inbound.Web.Contacts;

public partial class ContactPage
{
    [Inject] private ContactDirectory Directory { get; set; } = null!;
    [Inject] private ContactCommands Commands { get; set; } = null!;
    [Inject] private ContactFields Fields { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IStringLocalizer<ContactPage> L { get; set; } = null!;
    [Inject] private IStringLocalizer<AdminErrors> Errors { get; set; } = null!;
    [Inject] private IStringLocalizer<Inbound.Web.Localization.Phrases> Phrases { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Parameter] public Guid ContactId { get; set; }

    private ContactDetails? _contact;
    private bool _missing;
    private IReadOnlyList<ContactFieldDefinition> _definitions = [];
    private Dictionary<string, string> _fields = new(StringComparer.OrdinalIgnoreCase);
    private List<string> _tags = [];
    private string _name = "", _newTag = "";
    private string? _phone, _email, _error, _errorField;

    protected override async Task OnParametersSetAsync()
    {
        _definitions = await Fields.ListAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _contact = await Directory.GetAsync(ContactId);
        _missing = _contact is null;
        if (_contact is null) return;
        (_name, _phone, _email) = (_contact.Name, _contact.Phone, _contact.Email);
        _fields = new Dictionary<string, string>(_contact.Fields, StringComparer.OrdinalIgnoreCase);
        _tags = [.. _contact.Tags];
    }

    private string? FieldValue(string key) => _fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private async Task TagKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key != "Enter" || string.IsNullOrWhiteSpace(_newTag)) return;
        if (!_tags.Contains(_newTag.Trim(), StringComparer.OrdinalIgnoreCase)) _tags.Add(_newTag.Trim());
        _newTag = "";
        await Task.CompletedTask;
    }

    private async Task SaveAsync()
    {
        if (!string.IsNullOrWhiteSpace(_newTag) && !_tags.Contains(_newTag.Trim(), StringComparer.OrdinalIgnoreCase)) _tags.Add(_newTag.Trim());
        _newTag = "";
        var actor = Actor.From((await AuthenticationState).User);
        var result = await Commands.EditAsync(actor, ContactId, new ContactEdit(_name, _phone ?? "", _email ?? "", _fields, _tags));
        (_error, _errorField) = (Errors.Say(result, Phrases), result.Field);
        if (!result.Succeeded) return;
        Snackbar.Add(L["Saved"], Severity.Success);
        await ReloadAsync();
    }
}
