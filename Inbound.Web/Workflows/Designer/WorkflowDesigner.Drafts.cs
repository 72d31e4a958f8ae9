using Inbound.Domain.SeedWork;
using Inbound.Domain.Workflows;
using Inbound.Web.Accounts;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Inbound.Web.Workflows.Designer;

/// <summary>The designer's draft as a whole: save, publish, import and export, and a warning before unsaved changes are lost.</summary>
public sealed partial class WorkflowDesigner
{
    [Microsoft.AspNetCore.Components.Inject] private Admin.Audit.IAuditLog Audit { get; set; } = null!;

    private string ExportFileName => $"{string.Concat(_workflow!.Name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'))}.json";

    private string ExportHref => "data:application/json;charset=utf-8," + Uri.EscapeDataString(
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(WorkflowJson.Serialize(CurrentDefinition())),
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            _workflow = await Workflows.SaveDraftAsync(Id, CurrentDefinition()) ?? _workflow;
            await RecordEditorAsync();
            _dirty = false;
            Snackbar.Add(L["DraftSaved"], Severity.Success);
        }
        catch (DomainException e) { Snackbar.Add(e.Message, Severity.Error); }
        finally { _busy = false; }
    }

    private async Task PublishAsync()
    {
        if (ErrorCount > 0)
        {
            _issuesOpen = true;
            Snackbar.Add(L["FixBeforePublishing", ErrorCount], Severity.Warning);
            return;
        }
        _busy = true;
        try
        {
            if (_dirty) await Workflows.SaveDraftAsync(Id, CurrentDefinition());
            _dirty = false;
            var result = await Workflows.PublishAsync(Id, by: Auth is null ? null : (await Auth).User.GetDisplayName());
            if (result is null) return;
            if (!result.Published)
            {
                _issues = result.Issues;
                _issuesOpen = true;
                Snackbar.Add(L["PublishRefused"], Severity.Error);
                return;
            }
            await RecordEditorAsync();
            _workflow = await Workflows.GetAsync(Id) ?? _workflow;
            if (Auth is not null)
                await Audit.RecordAsync(Admin.Audit.Actor.From((await Auth).User), "workflow.published", _workflow?.Name ?? Id.ToString(), $"Version {result.VersionNumber}");
            Snackbar.Add(L["VersionIsLive", $"{result.VersionNumber}"], Severity.Success);
        }
        catch (DomainException e) { Snackbar.Add(e.Message, Severity.Error); }
        finally { _busy = false; }
    }

    private async Task RecordEditorAsync()
    {
        if (Auth is not null) await Activity.RecordEditorAsync(Id, (await Auth).User.GetDisplayName());
    }

    private async Task ConfirmLeaving(LocationChangingContext context)
    {
        if (!_dirty) return;
        var leave = await Dialogs.ShowMessageBoxAsync(L["LeaveTitle"], L["LeaveMessage"], yesText: L["Leave"], cancelText: L["Stay"]);
        if (leave != true) context.PreventNavigation();
    }

    private async Task ImportAsync()
    {
        var dialog = await Dialogs.ShowAsync<ImportWorkflowDialog>(L["ImportTitle"],
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        if (await dialog.Result is not { Canceled: false, Data: WorkflowDefinition definition }) return;
        var issues = WorkflowValidator.Validate(definition);
        var message = issues.Count == 0
            ? L["ImportValid"]
            : L["ImportHasProblems", issues.Count, issues[0].Message];
        var replace = await Dialogs.ShowMessageBoxAsync(L["ReplaceTitle"], message, yesText: L["ReplaceDraft"], cancelText: L["Cancel"]);
        if (replace != true) return;
        Show(definition);
        if (_history.Record(CurrentDefinition())) _dirty = true;
        _opened = false;
        Snackbar.Add(L["Imported"], Severity.Info);
        StateHasChanged();
    }
}
