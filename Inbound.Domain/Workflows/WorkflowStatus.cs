namespace Inbound.Domain.Workflows;

public enum WorkflowStatus
{
    /// <summary>Never published: it starts no runs.</summary>
    Draft,

    /// <summary>Its latest published version starts runs.</summary>
    Published,

    /// <summary>Starts no new runs; runs already going finish on their version.</summary>
    Disabled,
}
