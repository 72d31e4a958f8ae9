using Inbound.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbound.Web.Classifier;

/// <summary>
/// The classifier's admin page: what it learns, the confidence and auto-approval; training in the background with its
/// state followed live; each trained model's held-out measure, and the explicit approval that puts one to use.
/// </summary>
public sealed partial class ClassifierPage
{
    [Inject] private ClassifierAdministration Administration { get; set; } = null!;
    [Inject] private ClassifierTraining Training { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState>? Auth { get; set; }

    private ClassifierOverview? _overview;
    private TrainingState _state = TrainingState.Idle;
    private LabelKind _labelKind;
    private int _thresholdPercent;
    private bool _autoApprove;
    private bool _busy;
    private IDisposable? _subscription;

    protected override async Task OnInitializedAsync()
    {
        _state = Training.State;
        _subscription = Training.Subscribe(OnTrainingChanged);
        await LoadAsync();
        (_labelKind, _thresholdPercent, _autoApprove) = (_overview!.Settings.LabelKind, (int)Math.Round(_overview.Settings.Threshold * 100), _overview.Settings.AutoApprove);
    }

    private async Task LoadAsync() => _overview = await Administration.LoadAsync();

    private void OnTrainingChanged(TrainingState state) => _ = InvokeAsync(async () =>
    {
        _state = state;
        // A finished training adds a model to the list.
        if (state.Phase == TrainingPhase.Done) await LoadAsync();
        StateHasChanged();
    });

    private string PhaseText => _state.Phase switch
    {
        TrainingPhase.Queued => L["PhaseQueued"],
        TrainingPhase.Reading => L["PhaseReading"],
        _ => L["PhaseTraining", _state.Samples ?? 0],
    };

    private void Train()
    {
        if (!Administration.Train()) Snackbar.Add(L["AlreadyTraining"], Severity.Info);
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            await Administration.SaveSettingsAsync(_labelKind, _thresholdPercent / 100.0, _autoApprove);
            Snackbar.Add(L["Saved"], Severity.Success);
        }
        catch (Domain.SeedWork.DomainException e) { Snackbar.Add(e.Message, Severity.Error); }
        finally { _busy = false; }
    }

    private async Task ApproveAsync(ModelSummary model)
    {
        _busy = true;
        try
        {
            var by = Auth is null ? "Admin" : (await Auth).User.GetDisplayName();
            await Administration.ApproveAsync(model.Id, by);
            await LoadAsync();
            Snackbar.Add(L["Approved"], Severity.Success);
        }
        catch (Domain.SeedWork.DomainException e) { Snackbar.Add(e.Message, Severity.Error); }
        finally { _busy = false; }
    }

    public void Dispose() => _subscription?.Dispose();
}
