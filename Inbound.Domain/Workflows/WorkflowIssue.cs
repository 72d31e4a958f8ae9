using System.Globalization;

namespace Inbound.Domain.Workflows;

/// <summary>
/// Something to fix in a definition, on a node (or the whole workflow when NodeId is null). The English Message serves
/// the API and logs; Code and Args let a screen say the same in its reader's language without the domain holding UI text.
/// </summary>
public sealed record WorkflowIssue(string? NodeId, string Message, IssueSeverity Severity = IssueSeverity.Error)
{
    /// <summary>Names the rule that is broken, e.g. "OutcomeNotConnected"; null for a step's own setting problems.</summary>
    public string? Code { get; init; }

    /// <summary>The values the message is filled with, in the order of its {0}, {1} placeholders.</summary>
    public IReadOnlyList<object> Args { get; init; } = [];

    public bool IsError => Severity == IssueSeverity.Error;

    /// <summary>An issue with a code, its English message formatted from the same arguments a translation uses.</summary>
    public static WorkflowIssue Of(string? nodeId, string code, string englishFormat, params object[] args) =>
        new(nodeId, string.Format(CultureInfo.InvariantCulture, englishFormat, args)) { Code = code, Args = args };
}

/// <summary>A step as an issue names it: its label when the admin gave one, otherwise its kind (translated by the screen).</summary>
public readonly record struct StepName(string? Label, NodeKind Kind, string KindName)
{
    public static StepName Of(WorkflowNode node) =>
        new(string.IsNullOrWhiteSpace(node.Label) ? null : node.Label, node.Kind, node.KindName);

    public override string ToString() => Label ?? KindName;
}

public enum IssueSeverity
{
    /// <summary>Publishing is refused until it is fixed.</summary>
    Error,

    /// <summary>Worth a look, but the workflow can run.</summary>
    Warning,
}
