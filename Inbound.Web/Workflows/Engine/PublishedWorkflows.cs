using System.Collections.Concurrent;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Inbound.Web.ScaleOut;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows.Engine;

/// <summary>A published version ready to run: its definition is parsed once and shared by every run on it.</summary>
public sealed record RunnableVersion(Guid WorkflowId, string WorkflowName, Guid VersionId, int Number, WorkflowInterpreter Interpreter)
{
    public TriggerNode? Trigger => Interpreter.Definition.Trigger;
}

/// <summary>
/// The active version of each published workflow, and every version runs are pinned to, kept in memory: the engine
/// looks them up for every conversation. Publishing or disabling a workflow drops the list of active ones on this node
/// and, through the <see cref="NodeBus"/> (Redis), on every other node at once; without it, a publish on another node is
/// picked up when the list is reloaded, at most <see cref="RefreshEvery"/> later.
/// A Business hours step that uses a team's hours gets them here, as the team has them when the version is loaded; a
/// change of a team's hours drops the versions that use them (<see cref="TeamHoursChanged"/>).
/// </summary>
public sealed class PublishedWorkflows
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(10);
    private const string Topic = "published-workflows";
    private const string AllWorkflows = "*";

    private readonly IDbContextFactory<InboundDbContext> dbFactory;
    private readonly TimeProvider clock;
    private readonly NodeBus? nodes;

    public PublishedWorkflows(IDbContextFactory<InboundDbContext> dbFactory, TimeProvider clock, NodeBus? nodes = null)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.nodes = nodes is { ReachesOtherNodes: true } ? nodes : null;
        // Another node published, disabled, or changed a team's hours: the same drop here. Lives as long as the app.
        this.nodes?.Subscribe(Topic, message =>
        {
            if (message == AllWorkflows) InvalidateHere();
            else if (Guid.TryParse(message, out var teamId)) TeamHoursChangedHere(teamId);
        });
    }

    private readonly ConcurrentDictionary<Guid, RunnableVersion> _versions = new();
    private volatile ActiveList? _active;

    // Bumped by every invalidation. A load that began before a publish may finish after it; its list carries the
    // older generation, so the next lookup reloads instead of serving it for the next ten seconds.
    private long _generation;

    private sealed record ActiveList(IReadOnlyList<RunnableVersion> Versions, long LoadedAt, long Generation);

    /// <summary>A team's hours changed: the versions built with that team's old hours are built again on next use.</summary>
    public void TeamHoursChanged(Guid teamId)
    {
        TeamHoursChangedHere(teamId);
        nodes?.Publish(Topic, teamId.ToString());
    }

    private void TeamHoursChangedHere(Guid teamId)
    {
        foreach (var (id, version) in _versions)
            if (version.Interpreter.Definition.Nodes.OfType<BusinessHoursStep>().Any(s => s.TeamId == teamId)) _versions.TryRemove(id, out _);
        InvalidateHere();
    }

    public void Invalidate()
    {
        InvalidateHere();
        nodes?.Publish(Topic, AllWorkflows);
    }

    private void InvalidateHere()
    {
        Interlocked.Increment(ref _generation);
        _active = null;
    }

    public async ValueTask<IReadOnlyList<RunnableVersion>> ActiveAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_active is { } active && active.Generation == generation && clock.GetElapsedTime(active.LoadedAt) < RefreshEvery) return active.Versions;
        var loadedAt = clock.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var workflows = await db.Workflows.AsNoTracking().Include(w => w.Versions)
            .Where(w => w.Status == WorkflowStatus.Published).ToListAsync(cancellationToken);
        var teams = await TeamHoursAsync(db, cancellationToken);
        var list = workflows
            .Where(w => w.ActiveVersion is not null)
            .OrderBy(w => w.CreatedAt)
            .Select(w => _versions.GetOrAdd(w.ActiveVersion!.Id, _ => Runnable(w.Id, w.Name, w.ActiveVersion!, teams)))
            .ToList();
        _active = new ActiveList(list, loadedAt, generation);
        return list;
    }

    public async ValueTask<RunnableVersion?> VersionAsync(Guid versionId, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(versionId, out var cached)) return cached;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from v in db.WorkflowVersions.AsNoTracking()
                           join w in db.Workflows on v.WorkflowId equals w.Id
                           where v.Id == versionId
                           select new { Version = v, w.Name }).FirstOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var teams = await TeamHoursAsync(db, cancellationToken);
        return _versions.GetOrAdd(versionId, _ => Runnable(found.Version.WorkflowId, found.Name, found.Version, teams));
    }

    /// <summary>Every team's current time zone and hours, for the Business hours steps that use a team's.</summary>
    public static async Task<IReadOnlyDictionary<Guid, TeamWorkingHours>> TeamHoursAsync(InboundDbContext db, CancellationToken ct) =>
        (await db.Teams.AsNoTracking().Select(t => new { t.Id, t.TimeZone, t.BusinessHours }).ToListAsync(ct))
            .ToDictionary(t => t.Id, t => new TeamWorkingHours(t.TimeZone, t.BusinessHours));

    // The definition is stored with the team's id only; the interpreter runs the copy carrying the team's hours.
    private static RunnableVersion Runnable(Guid workflowId, string name, WorkflowVersion version, IReadOnlyDictionary<Guid, TeamWorkingHours> teams) =>
        new(workflowId, name, version.Id, version.Number, new WorkflowInterpreter(TeamHoursResolution.Resolve(version.Definition, teams)));
}
