using Inbound.Domain.Workflows.Runs;

namespace Inbound.Web.Workflows.Designer;

/// <summary>The Test panel: the simulator runs the draft as it is on the canvas and its path lights up as it goes.</summary>
public sealed partial class WorkflowDesigner
{
    private bool _simulating;

    private void OpenSimulator()
    {
        CloseSettings();
        _simulating = true;
        // The whole path should be in view beside the panel as it lights up.
        _viewport.Fit(coveredRight: CoveredRight);
    }

    private void CloseSimulator()
    {
        _simulating = false;
        ClearTrace();
    }

    private void DrawSimulatedTrace(WorkflowRun run) => DrawTrace(new RunDetails(WorkflowService.Summary(run), run.Variables, run.Log));
}
