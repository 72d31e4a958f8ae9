using Inbound.Domain.Workflows.Runs;

namespace Inbound.Web.Workflows;

/// <summary>What came of a run, in a few words for the Runs list: where the conversation went, what the run waits for, or why it stopped.</summary>
public static class RunOutcome
{
    public static string Describe(WorkflowRun run)
    {
        if (run.Status == RunStatus.Failed) return $"Failed: {run.EndReason}";
        if (run.Log.LastOrDefault(e => e.Decision is not null)?.Decision is { } decision)
        {
            var chosen = decision.Candidates.FirstOrDefault(c => c.AgentId == decision.ChosenAgentId)?.Name;
            return decision.Assigned ? $"Assigned to {chosen ?? "an agent"}"
                : decision.QueuePosition is { } place ? $"Queued, #{place} in line"
                : "Nobody available";
        }
        return run.Status switch
        {
            RunStatus.Waiting => run.WaitingFor switch
            {
                RunWait.Reply => "Waiting for the contact's answer",
                RunWait.Http => "Waiting for an HTTP response",
                _ => "Waiting",
            },
            RunStatus.Running => "Running",
            _ => run.EndReason ?? run.Status.ToString(),
        };
    }
}
