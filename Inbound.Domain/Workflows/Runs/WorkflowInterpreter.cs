using Inbound.Domain.Conversations;
using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>
/// Moves a run through its version's graph: executes the current step with the input that activated it, records the
/// step with its outcome, follows the edge of that outcome, and goes on until a step waits or the run ends.
/// </summary>
public sealed class WorkflowInterpreter(WorkflowDefinition definition)
{
    /// <summary>A graph that loops through Jump To without waiting would never stop; past this many steps the run fails.</summary>
    public const int MaxStepsPerActivation = 200;

    public WorkflowDefinition Definition => definition;

    public Task StartAsync(WorkflowRun run, IRunContext context, CancellationToken cancellationToken = default) =>
        ContinueAsync(run, context, RunInput.Enter, cancellationToken);

    public Task ResumeWithReplyAsync(WorkflowRun run, IRunContext context, Message reply, CancellationToken cancellationToken = default) =>
        run.WaitingFor == RunWait.Reply ? ContinueAsync(run, context, RunInput.Reply(reply), cancellationToken) : Task.CompletedTask;

    public Task ResumeWithHttpAsync(WorkflowRun run, IRunContext context, HttpStepResponse response, CancellationToken cancellationToken = default) =>
        run is { Status: RunStatus.Waiting, WaitingFor: RunWait.Http }
            ? ContinueAsync(run, context, RunInput.Http(response), cancellationToken)
            : Task.CompletedTask;

    public Task ResumeWithAiAsync(WorkflowRun run, IRunContext context, AiStepAnswer answer, CancellationToken cancellationToken = default) =>
        run is { Status: RunStatus.Waiting, WaitingFor: RunWait.Ai }
            ? ContinueAsync(run, context, RunInput.Ai(answer), cancellationToken)
            : Task.CompletedTask;

    public Task ResumeOnTimerAsync(WorkflowRun run, IRunContext context, CancellationToken cancellationToken = default) =>
        run.Status == RunStatus.Waiting && run.WakeAt is { } due && due <= context.Now
            ? ContinueAsync(run, context, RunInput.Timer, cancellationToken)
            : Task.CompletedTask;

    private async Task ContinueAsync(WorkflowRun run, IRunContext context, RunInput input, CancellationToken cancellationToken)
    {
        if (!run.IsActive) return;
        for (var steps = 0; ; steps++)
        {
            var node = run.CurrentNodeId is { } id ? definition.FindNode(id) : null;
            if (node is null)
            {
                run.Fail(Phrase.Of(PhraseCode.RunStepMissing, "The step \"{0}\" is not in version {1}.", run.CurrentNodeId ?? "", run.VersionNumber), context.Now);
                return;
            }
            if (steps >= MaxStepsPerActivation)
            {
                run.Fail(Phrase.Of(PhraseCode.RunLoops, "Stopped after {0} steps without waiting: a Jump To loops.", MaxStepsPerActivation), context.Now);
                return;
            }

            StepResult result;
            try
            {
                result = node is TriggerNode
                    ? StepResult.Outcome(Outcomes.Next, Phrase.Of(PhraseCode.RunStarted, "Started"))
                    : await StepExecutor.ExecuteAsync(node, input, run, context, definition, cancellationToken);
            }
            catch (DomainException ex)
            {
                // The rule's own message, as the domain wrote it: it says what broke better than any summary.
                var error = Phrase.Of(PhraseCode.RunError, "{0}", ex.Message);
                run.Record(RunLogEntry.Of(node.Id, node.Kind, node.Title, context.Now, null, error));
                run.Fail(error, context.Now);
                return;
            }
            input = RunInput.Enter;

            switch (result)
            {
                case StepResult.WaitingResult waiting:
                    run.Record(RunLogEntry.Of(node.Id, node.Kind, node.Title, context.Now, null, waiting.Said));
                    return;
                case StepResult.EndResult end:
                    run.Record(RunLogEntry.Of(node.Id, node.Kind, node.Title, context.Now, null, end.Said));
                    run.Complete(context.Now, end.Said);
                    return;
                case StepResult.JumpResult jump:
                    run.Record(RunLogEntry.Of(node.Id, node.Kind, node.Title, context.Now, null, jump.Said));
                    if (definition.FindNode(jump.TargetNodeId) is null) { run.Fail(Phrase.Of(PhraseCode.RunJumpTargetMissing, "The step to jump to is missing."), context.Now); return; }
                    run.MoveTo(jump.TargetNodeId, context.Now);
                    break;
                case StepResult.OutcomeResult outcome:
                    run.Record(RunLogEntry.Of(node.Id, node.Kind, node.Title, context.Now, outcome.Key, outcome.Said, outcome.Decision));
                    if (!run.IsActive) return;
                    if (definition.Next(node.Id, outcome.Key) is not { } next)
                    {
                        run.Complete(context.Now, Phrase.Of(PhraseCode.RunEndedAfter, "Ended after {0}: {1}.", StepName.Of(node), OutcomeLabel(node, outcome.Key)));
                        return;
                    }
                    run.MoveTo(next.Id, context.Now);
                    break;
            }
        }
    }

    private static object OutcomeLabel(WorkflowNode node, string key) => Outcomes.Said(node, node.Outcomes().FirstOrDefault(o => o.Key == key) ?? new NodeOutcome(key, key));
}
