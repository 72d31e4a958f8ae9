using Inbound.Domain.Workflows;
using Microsoft.Extensions.Localization;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// Says in the reader's language what the domain names by code: a step's kind, a fixed outcome, a broken publishing rule.
/// The domain keeps its English for the API; options, rules and labels the admin typed are shown as typed.
/// </summary>
public sealed class WorkflowTexts(IStringLocalizer<WorkflowTexts> l)
{
    public string Step(StepName step) => step.Label ?? l[$"Kind{step.Kind}"];

    public string Title(WorkflowNode node) => Step(StepName.Of(node));

    public string Outcome(NodeOutcome outcome, WorkflowNode node) => outcome.Key switch
    {
        Outcomes.NobodyAvailable when node is AssignToStep { QueueWhenNobodyAvailable: true } => l["OutcomeQueued"],
        var key when key.Length > 0 && !key.Contains(':') && l[$"Outcome{char.ToUpperInvariant(key[0])}{key[1..]}"] is { ResourceNotFound: false } text => text,
        _ => outcome.Label,
    };

    /// <summary>An issue without a translation (no code, or a code this screen does not know) keeps its English message.</summary>
    public string Issue(WorkflowIssue issue, Func<string, WorkflowNode?> findNode)
    {
        if (issue.Code is null || l[$"Issue{issue.Code}"] is not { ResourceNotFound: false }) return issue.Message;
        var args = issue.Args.Select(a => a switch
        {
            StepName step => Step(step),
            NodeOutcome outcome when issue.NodeId is not null && findNode(issue.NodeId) is { } node => Outcome(outcome, node),
            _ => a,
        }).ToArray();
        return l[$"Issue{issue.Code}", args];
    }
}
