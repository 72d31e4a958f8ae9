namespace Inbound.Web.Workflows.Designer;

/// <summary>The palette's groups, in the order an admin reads a workflow.</summary>
public enum StepCategory
{
    Trigger,
    Enrichment,
    Routing,
    Assignment,
    Other,
}
