using Inbound.Domain.Texts;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Web.Workflows;

/// <summary>What came of a run, in a few words for the Runs list: where the conversation went, what the run waits for, or why it stopped.</summary>
public static class RunOutcome
{
    public static Phrase Describe(WorkflowRun run)
    {
        if (run.Status == RunStatus.Failed) return Phrase.Of(PhraseCode.RunOutcomeFailed, "Failed: {0}", EndReason(run));
        if (run.Log.LastOrDefault(e => e.Decision is not null)?.Decision is { } decision)
        {
            var chosen = decision.Candidates.FirstOrDefault(c => c.AgentId == decision.ChosenAgentId)?.Name;
            return decision.Assigned
                ? Phrase.Of(PhraseCode.RunOutcomeAssignedTo, "Assigned to {0}", chosen ?? (object)Phrase.Of(PhraseCode.SomeAgent, "an agent"))
                : decision.QueuePosition is { } place ? Phrase.Of(PhraseCode.RunOutcomeQueued, "Queued, #{0} in line", place)
                : Phrase.Of(PhraseCode.RunOutcomeNobodyAvailable, "Nobody available");
        }
        return run.Status switch
        {
            RunStatus.Waiting => run.WaitingFor switch
            {
                RunWait.Reply => Phrase.Of(PhraseCode.RunOutcomeWaitingForAnswer, "Waiting for the contact's answer"),
                RunWait.Http => Phrase.Of(PhraseCode.RunOutcomeWaitingForHttp, "Waiting for an HTTP response"),
                _ => Phrase.Of(PhraseCode.RunOutcomeWaiting, "Waiting"),
            },
            RunStatus.Running => Phrase.Of(PhraseCode.RunOutcomeRunning, "Running"),
            _ when run.EndReason is null => Phrase.Of(PhraseCode.Parts, "{0}", run.Status.ToString()),
            _ => EndReason(run),
        };
    }

    /// <summary>Why the run ended: a phrase, or for a run ended before phrases, the English it stored.</summary>
    public static Phrase EndReason(WorkflowRun run) => run.EndSaid ?? Phrase.Of(PhraseCode.Parts, "{0}", run.EndReason ?? "");
}
