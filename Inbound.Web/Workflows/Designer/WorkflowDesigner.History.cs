using Inbound.Web.Accounts;
using Inbound.Web.Workflows.History;
using MudBlazor;

namespace Inbound.Web.Workflows.Designer;

/// <summary>The version history: list, compare, and roll back, after which the canvas shows the rolled-back draft.</summary>
public sealed partial class WorkflowDesigner
{
    private async Task OpenHistoryAsync()
    {
        var by = Auth is null ? null : (await Auth).User.GetDisplayName();
        var dialog = await Dialogs.ShowAsync<VersionHistoryDialog>("Versions", new DialogParameters<VersionHistoryDialog>
        {
            { d => d.WorkflowId, Id }, { d => d.WorkflowName, _workflow?.Name ?? "" }, { d => d.HasUnsavedChanges, _dirty }, { d => d.By, by },
        }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: int published }) return;
        _workflow = await Workflows.GetAsync(Id) ?? _workflow;
        if (_workflow is null) return;
        ClearTrace();
        Show(_workflow.Draft);
        _history.Reset(_workflow.Draft);
        _dirty = false;
        Snackbar.Add(L["RolledBack", published], Severity.Success);
    }
}
