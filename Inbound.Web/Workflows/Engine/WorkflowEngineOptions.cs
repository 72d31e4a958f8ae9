using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.Workflows.Engine;

public sealed class WorkflowEngineOptions
{
    public const string Section = "Workflows";

    /// <summary>Engine work items handled in one transaction; larger batches mean fewer writes under load.</summary>
    [Range(1, 5000)]
    public int MaxBatchSize { get; set; } = 512;
}
