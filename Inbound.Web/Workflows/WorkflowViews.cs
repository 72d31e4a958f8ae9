using System.Text.Json.Serialization;
using Inbound.Domain.Texts;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Web.Workflows;

/// <summary>A row of the workflows list. Trigger is the English summary the API gives; the page says TriggerSummary in its reader's language.</summary>
public sealed record WorkflowSummary(
    Guid Id, string Name, WorkflowStatus Status, int? PublishedVersion, bool HasUnpublishedChanges,
    string Trigger, DateTime UpdatedAt, int ActiveRuns, [property: JsonIgnore] Phrase? TriggerSummary = null);

/// <summary>A workflow as the designer opens it: the draft, its issues, its versions and the names its settings refer to.</summary>
public sealed record WorkflowDetails(
    Guid Id, string Name, WorkflowStatus Status, WorkflowDefinition Draft, IReadOnlyList<WorkflowIssue> Issues,
    IReadOnlyList<VersionSummary> Versions, bool HasUnpublishedChanges, WorkflowNames Names);

public sealed record VersionSummary(Guid Id, int Number, DateTime PublishedAt);

public sealed record RunSummary(
    Guid Id, Guid WorkflowId, string WorkflowName, int VersionNumber, Guid ConversationId, RunStatus Status,
    string? CurrentNodeId, RunWait WaitingFor, DateTime? WakeAt, DateTime StartedAt, DateTime? EndedAt, string? EndReason);

/// <summary>One run with its step log; each assignment entry carries its decision (candidates, verdicts, rule).</summary>
/// <param name="Ran">The definition of the version the run ran, for drawing its trace over the steps it really took.</param>
public sealed record RunDetails(RunSummary Run, IReadOnlyDictionary<string, string> Variables, IReadOnlyList<RunLogEntry> Log, WorkflowDefinition? Ran = null);

/// <summary>What publishing did: the new version, or the issues that still block it.</summary>
public sealed record PublishResult(int? VersionNumber, IReadOnlyList<WorkflowIssue> Issues)
{
    public bool Published => VersionNumber is not null;
}

/// <summary>A row of the designer's Runs list: whom the run was for, on which conversation, and what came of it.</summary>
/// <param name="ContactName">Null when the contact is gone.</param>
/// <param name="Outcome">What came of the run, said in the reader's language by the list.</param>
public sealed record RunRow(RunSummary Run, string? ContactName, string? ChannelName, string? FirstMessage, Inbound.Domain.Texts.Phrase Outcome);
