using Inbound.Domain.Texts;
using Inbound.Domain.Workflows;
using Inbound.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Inbound.Web.Workflows.Designer;

/// <summary>
/// Says in the reader's language what the domain names by code: a step's kind, a fixed outcome, a broken publishing rule.
/// The domain keeps its English for the API; options, rules and labels the admin typed are shown as typed.
/// </summary>
public sealed class WorkflowTexts(IStringLocalizer<WorkflowTexts> l, IStringLocalizer<Phrases> phrases)
{
    public string Step(StepName step) => phrases.Say(step);

    public string Title(WorkflowNode node) => Step(StepName.Of(node));

    /// <summary>The one line on a step's card that says what it does with its settings.</summary>
    public string Summary(WorkflowNode node, WorkflowNames names) => phrases.Say(node.Summarize(names));

    /// <summary>What is missing or wrong in a step's settings, as its settings panel lists it.</summary>
    public IEnumerable<string> Problems(WorkflowNode node) => node.Problems().Select(p => phrases.Say(p));

    public string Outcome(NodeOutcome outcome, WorkflowNode node) => phrases.Say(Outcomes.Said(node, outcome));

    /// <summary>An issue without a translation (no code, or a code this screen does not know) keeps its English message.</summary>
    public string Issue(WorkflowIssue issue, Func<string, WorkflowNode?> findNode)
    {
        if (issue.Code is null || l[$"Issue{issue.Code}"] is not { ResourceNotFound: false }) return issue.Message;
        var args = issue.Args.Select(a => a switch
        {
            StepName step => Step(step),
            PhraseList list => string.Join(list.Separator, list.Items.Select(i => i is StepName s ? Step(s) : phrases.Say(i))),
            Phrase => phrases.Say(a),
            NodeOutcome outcome when issue.NodeId is not null && findNode(issue.NodeId) is { } node => Outcome(outcome, node),
            _ => a,
        }).ToArray();
        return l[$"Issue{issue.Code}", args];
    }
}
