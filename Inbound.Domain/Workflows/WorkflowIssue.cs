namespace Inbound.Domain.Workflows;

/// <summary>Something to fix in a definition, on a node (or the whole workflow when NodeId is null).</summary>
public sealed record WorkflowIssue(string? NodeId, string Message, IssueSeverity Severity = IssueSeverity.Error)
{
    public bool IsError => Severity == IssueSeverity.Error;
}

public enum IssueSeverity
{
    /// <summary>Publishing is refused until it is fixed.</summary>
    Error,

    /// <summary>Worth a look, but the workflow can run.</summary>
    Warning,
}
