namespace Inbound.Domain.Workflows;

/// <summary>
/// Publishing checks a definition's Classify steps against the classifier the workspace has approved: without one,
/// every run would leave by "unsure", and a model with other labels would leave ports that can never be taken.
/// </summary>
public static class ClassifierReadiness
{
    /// <param name="approvedLabels">The approved model's labels, or null when no model is approved.</param>
    public static IReadOnlyList<WorkflowIssue> Check(WorkflowDefinition definition, IReadOnlyCollection<string>? approvedLabels)
    {
        var issues = new List<WorkflowIssue>();
        foreach (var step in definition.Nodes.OfType<ClassifyStep>())
        {
            if (approvedLabels is null)
                issues.Add(WorkflowIssue.Of(step.Id, "ClassifierNotApproved", "{0}: no classifier model is approved yet; train one and approve it under Settings → Classifier.", StepName.Of(step)));
            else if (!step.Labels.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(approvedLabels))
                issues.Add(WorkflowIssue.Of(step.Id, "ClassifierLabelsChanged", "{0}: the approved model predicts {1}; take its labels in the step's settings.", StepName.Of(step), string.Join(", ", approvedLabels)));
        }
        return issues;
    }
}
