namespace Inbound.Domain.Workflows;

/// <summary>A published, frozen copy of a workflow's definition. Runs are pinned to one, so publishing again never changes them.</summary>
public sealed class WorkflowVersion
{
    private WorkflowVersion() { Definition = new WorkflowDefinition(); }

    internal WorkflowVersion(Guid workflowId, int number, WorkflowDefinition definition, DateTime publishedAt)
    {
        WorkflowId = workflowId;
        Number = number;
        Definition = definition;
        PublishedAt = publishedAt;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid WorkflowId { get; private set; }
    public int Number { get; private set; }
    public WorkflowDefinition Definition { get; private set; }
    public DateTime PublishedAt { get; private set; }
}
