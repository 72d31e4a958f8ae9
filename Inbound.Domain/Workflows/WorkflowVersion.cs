namespace Inbound.Domain.Workflows;

/// <summary>A published, frozen copy of a workflow's definition. Runs are pinned to one, so publishing again never changes them.</summary>
public sealed class WorkflowVersion
{
    private WorkflowVersion() { Definition = new WorkflowDefinition(); }

    internal WorkflowVersion(Guid workflowId, int number, WorkflowDefinition definition, DateTime publishedAt, string? publishedBy = null, int? rolledBackFrom = null)
    {
        WorkflowId = workflowId;
        Number = number;
        Definition = definition;
        PublishedAt = publishedAt;
        PublishedBy = string.IsNullOrWhiteSpace(publishedBy) ? null : publishedBy.Trim();
        RolledBackFrom = rolledBackFrom;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid WorkflowId { get; private set; }
    public int Number { get; private set; }
    public WorkflowDefinition Definition { get; private set; }
    public DateTime PublishedAt { get; private set; }

    /// <summary>Who published it, as the version history shows; null for versions from before it was recorded.</summary>
    public string? PublishedBy { get; private set; }

    /// <summary>For a roll back: the number of the older version this one republished.</summary>
    public int? RolledBackFrom { get; private set; }
}
