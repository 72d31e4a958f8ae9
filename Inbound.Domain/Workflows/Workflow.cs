using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Workflows;

/// <summary>
/// A named workflow: the draft the designer edits and the versions published from it. Only a draft without validation
/// errors can be published; each publish freezes a copy with the next number, and runs keep the version they started on.
/// </summary>
public sealed class Workflow : Entity
{
    public const int MaxNameLength = 120;

    private readonly List<WorkflowVersion> _versions = [];

    private Workflow() { Name = ""; Draft = new WorkflowDefinition(); }

    public Workflow(string name, WorkflowDefinition draft, DateTime now)
    {
        Name = ValidName(name);
        Draft = draft.Clone();
        Status = WorkflowStatus.Draft;
        CreatedAt = UpdatedAt = now;
    }

    public string Name { get; private set; }
    public WorkflowStatus Status { get; private set; }
    public WorkflowDefinition Draft { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Who last changed the workflow (its name, draft or status), as the workflows list shows it.</summary>
    public string? UpdatedBy { get; private set; }
    public IReadOnlyList<WorkflowVersion> Versions => _versions;

    /// <summary>The version new runs start on: the latest published one, unless the workflow is disabled or never published.</summary>
    public WorkflowVersion? ActiveVersion => Status == WorkflowStatus.Published ? LatestVersion : null;

    public WorkflowVersion? LatestVersion => _versions.Count == 0 ? null : _versions.MaxBy(v => v.Number);

    /// <summary>The draft differs from what was last published.</summary>
    public bool HasUnpublishedChanges =>
        LatestVersion is not { } latest || WorkflowJson.Serialize(latest.Definition) != WorkflowJson.Serialize(Draft);

    public IReadOnlyList<WorkflowIssue> Validate(IReadOnlyCollection<Guid>? teams = null) => WorkflowValidator.Validate(Draft, teams);

    public void Rename(string name, DateTime now)
    {
        Name = ValidName(name);
        UpdatedAt = now;
    }

    public void SaveDraft(WorkflowDefinition draft, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Draft = draft.Clone();
        UpdatedAt = now;
    }

    /// <summary>Freezes the draft as the next version and makes it the one new runs start on.</summary>
    public WorkflowVersion Publish(DateTime now, string? by = null) => Publish(now, by, rolledBackFrom: null);

    /// <summary>
    /// Publishes an older version again as the newest (its definition becomes the draft too, so a later publish does not
    /// bring back what was rolled back). Runs on other versions go on as they are.
    /// </summary>
    public WorkflowVersion RollBackTo(int number, DateTime now, string? by = null)
    {
        var old = _versions.FirstOrDefault(v => v.Number == number) ?? throw new DomainException($"There is no version {number} to roll back to.");
        var draft = Draft;
        Draft = old.Definition.Clone();
        try
        {
            return Publish(now, by, rolledBackFrom: number);
        }
        catch (DomainException)
        {
            // Today's rules may refuse what an older version allowed: the draft stays as it was.
            Draft = draft;
            throw;
        }
    }

    private WorkflowVersion Publish(DateTime now, string? by, int? rolledBackFrom)
    {
        var errors = Validate().Where(i => i.IsError).ToList();
        if (errors.Count > 0)
            throw new DomainException($"Fix {errors.Count} problem{(errors.Count == 1 ? "" : "s")} before publishing: {errors[0].Message}");
        var version = new WorkflowVersion(Id, (LatestVersion?.Number ?? 0) + 1, Draft.Clone(), now, by, rolledBackFrom);
        _versions.Add(version);
        Status = WorkflowStatus.Published;
        UpdatedAt = now;
        Raise(new WorkflowPublished(Id, version.Id, version.Number, now));
        return version;
    }

    /// <summary>Stops new runs; runs already going finish on their version. Publishing again turns it back on.</summary>
    public void Disable(DateTime now)
    {
        if (Status != WorkflowStatus.Published) throw new DomainException("Only a published workflow can be disabled.");
        Status = WorkflowStatus.Disabled;
        UpdatedAt = now;
        Raise(new WorkflowDisabled(Id, now));
    }

    /// <summary>Records who made the change just done; the change itself set <see cref="UpdatedAt"/>.</summary>
    public void EditedBy(string editor)
    {
        if (!string.IsNullOrWhiteSpace(editor)) UpdatedBy = editor.Trim();
    }

    /// <summary>A new draft workflow with a copy of this one's draft.</summary>
    public Workflow Duplicate(string name, DateTime now) => new(name, Draft, now);

    private static string ValidName(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Give the workflow a name.");
        name = name.Trim();
        return name.Length <= MaxNameLength ? name : throw new DomainException($"A workflow name has at most {MaxNameLength} characters.");
    }
}
