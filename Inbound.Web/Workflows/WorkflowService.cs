using Inbound.Domain.Events;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Inbound.Web.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows;

/// <summary>
/// What the workflow pages and the designer do with workflows: list, open, create (blank or from the template),
/// rename, duplicate, save the draft, publish, disable, delete, and look at runs. Rule violations surface as
/// <see cref="Inbound.Domain.SeedWork.DomainException"/> with a message for the person; a missing workflow as null.
/// </summary>
public sealed class WorkflowService(
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    PublishedWorkflows published,
    EngineQueue engine,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<WorkflowSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflows = await db.Workflows.AsNoTracking().Include(w => w.Versions).OrderBy(w => w.Name).ToListAsync(ct);
        var active = await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.Status == RunStatus.Running || r.Status == RunStatus.Waiting)
            .GroupBy(r => r.WorkflowId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await NamesAsync(db, ct);
        return [.. workflows.Select(w => new WorkflowSummary(w.Id, w.Name, w.Status, w.ActiveVersion?.Number ?? w.LatestVersion?.Number,
            w.HasUnpublishedChanges, w.Draft.Trigger?.Summary(names) ?? "No trigger", w.UpdatedAt, active.GetValueOrDefault(w.Id),
            w.Draft.Trigger?.Summarize(names)))];
    }

    public async Task<WorkflowDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.AsNoTracking().Include(w => w.Versions).FirstOrDefaultAsync(w => w.Id == id, ct);
        return workflow is null ? null : Details(workflow, await NamesAsync(db, ct));
    }

    /// <summary>The names of teams and agents, for the designer's pickers and the nodes' summaries.</summary>
    public async Task<WorkflowNames> NamesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NamesAsync(db, ct);
    }

    public Task<WorkflowDetails> CreateBlankAsync(string name, CancellationToken ct = default) =>
        CreateAsync(_ => Task.FromResult(WorkflowDefinition.Blank()), name, ct);

    public Task<WorkflowDetails> CreateFromTemplateAsync(string? name = null, CancellationToken ct = default) =>
        CreateAsync(async db => InboundConversationsTemplate.Create(await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, ct)),
            name ?? InboundConversationsTemplate.Name, ct);

    public Task<WorkflowDetails?> RenameAsync(Guid id, string name, CancellationToken ct = default) =>
        UpdateAsync(id, w => w.Rename(name, Now), ct);

    public Task<WorkflowDetails?> SaveDraftAsync(Guid id, WorkflowDefinition draft, CancellationToken ct = default) =>
        UpdateAsync(id, w => w.SaveDraft(draft, Now), ct);

    public Task<WorkflowDetails?> DisableAsync(Guid id, CancellationToken ct = default) =>
        UpdateAsync(id, w => w.Disable(Now), ct);

    /// <summary>Publishes the draft as the next version, or returns the issues that block it.</summary>
    /// <param name="by">Who publishes, for the version history.</param>
    public async Task<PublishResult?> PublishAsync(Guid id, CancellationToken ct = default, string? by = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.Include(w => w.Versions).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null) return null;
        var issues = workflow.Validate(await db.Teams.Select(t => t.Id).ToListAsync(ct))
            .Concat(ClassifierReadiness.Check(workflow.Draft, await Classifier.ClassifierAdministration.ApprovedLabelsAsync(db, ct))).ToList();
        if (issues.Any(i => i.IsError)) return new PublishResult(null, issues);
        var version = workflow.Publish(Now, by);
        await db.SaveAndPublishAsync(publisher, ct);
        return new PublishResult(version.Number, issues);
    }

    public async Task<WorkflowDetails?> DuplicateAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null) return null;
        var copyName = workflow.Name.Length + 7 <= Workflow.MaxNameLength ? $"{workflow.Name} (copy)" : workflow.Name;
        var copy = workflow.Duplicate(copyName, Now);
        db.Workflows.Add(copy);
        await db.SaveAndPublishAsync(publisher, ct);
        return Details(copy, await NamesAsync(db, ct));
    }

    /// <summary>Deletes the workflow with its versions and runs.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null) return false;
        db.Workflows.Remove(workflow);
        await db.SaveChangesAsync(ct);
        published.Invalidate();
        return true;
    }

    /// <summary>
    /// The designer's Runs list, newest first: each run with its contact, the conversation's channel and first message,
    /// and what came of it. <paramref name="search"/> matches the contact's name, email or phone, the first message or
    /// how the run ended, or the agent the conversation is assigned to. One query, whatever the number of runs.
    /// </summary>
    public async Task<IReadOnlyList<RunRow>> RunsAsync(Guid workflowId, string? search = null, int take = 100, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows =
            from r in db.WorkflowRuns.AsNoTracking()
            where r.WorkflowId == workflowId
            join contact in db.Contacts on r.ContactId equals contact.Id into contacts
            from contact in contacts.DefaultIfEmpty()
            join conversation in db.Conversations on r.ConversationId equals conversation.Id into conversations
            from conversation in conversations.DefaultIfEmpty()
            join channel in db.Channels on conversation.ChannelId equals channel.Id into channels
            from channel in channels.DefaultIfEmpty()
            join message in db.Messages on conversation.FirstMessageId equals (Guid?)message.Id into messages
            from message in messages.DefaultIfEmpty()
            join agent in db.Agents on conversation.AssigneeId equals (Guid?)agent.Id into agents
            from agent in agents.DefaultIfEmpty()
            select new { Run = r, Contact = contact.Name, Email = contact.Email, Phone = contact.Phone, Channel = channel.Name, FirstMessage = message.Body, Assignee = agent.Name };
        if (!string.IsNullOrWhiteSpace(search))
        {
            // The escape keeps a typed % or _ literal; lower() makes the match ignore case on PostgreSQL as on SQLite.
            var pattern = ContainsPattern.For(db, search);
            const string e = ContainsPattern.Escape;
            rows = rows.Where(x => EF.Functions.Like(x.Contact.ToLower(), pattern, e) || EF.Functions.Like(x.Email!.ToLower(), pattern, e)
                || EF.Functions.Like(x.Phone!.ToLower(), pattern, e) || EF.Functions.Like(x.FirstMessage.ToLower(), pattern, e)
                || EF.Functions.Like(x.Run.EndReason!.ToLower(), pattern, e) || EF.Functions.Like(x.Assignee.ToLower(), pattern, e));
        }
        var found = await rows.OrderByDescending(x => x.Run.StartedAt).Take(take).ToListAsync(ct);
        return [.. found.Select(x => new RunRow(Summary(x.Run), x.Contact, x.Channel, x.FirstMessage, RunOutcome.Describe(x.Run)))];
    }

    /// <summary>The runs on one conversation, newest first: why it went where it went.</summary>
    public async Task<IReadOnlyList<RunSummary>> RunsOfConversationAsync(Guid conversationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.WorkflowRuns.AsNoTracking().Where(r => r.ConversationId == conversationId)
            .OrderByDescending(r => r.StartedAt).ToListAsync(ct);
        return [.. runs.Select(Summary)];
    }

    public async Task<RunDetails?> RunAsync(Guid runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.WorkflowRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        var ran = await db.WorkflowVersions.AsNoTracking().Where(v => v.Id == run.VersionId).Select(v => v.Definition).FirstOrDefaultAsync(ct);
        return new RunDetails(Summary(run), run.Variables, run.Log, ran);
    }

    /// <summary>The published workflows an agent can start by hand, by name.</summary>
    public async Task<IReadOnlyList<ManualWorkflow>> ManualWorkflowsAsync(CancellationToken ct = default) =>
        [.. (await published.ActiveAsync(ct)).Where(v => v.Trigger is ManualTrigger)
            .Select(v => new ManualWorkflow(v.WorkflowId, v.WorkflowName)).OrderBy(w => w.Name, StringComparer.CurrentCultureIgnoreCase)];

    /// <summary>Starts a published workflow with a manual trigger on a conversation; the run goes on in the background.</summary>
    public async Task<bool> StartManuallyAsync(Guid workflowId, Guid conversationId, CancellationToken ct = default)
    {
        var version = (await published.ActiveAsync(ct)).FirstOrDefault(v => v.WorkflowId == workflowId);
        if (version?.Trigger is not ManualTrigger) return false;
        engine.Enqueue(new EngineWork.StartManually(conversationId, workflowId));
        return true;
    }

    private async Task<WorkflowDetails> CreateAsync(Func<InboundDbContext, Task<WorkflowDefinition>> definition, string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = new Workflow(name, await definition(db), Now);
        db.Workflows.Add(workflow);
        await db.SaveAndPublishAsync(publisher, ct);
        return Details(workflow, await NamesAsync(db, ct));
    }

    private async Task<WorkflowDetails?> UpdateAsync(Guid id, Action<Workflow> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.Include(w => w.Versions).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null) return null;
        change(workflow);
        await db.SaveAndPublishAsync(publisher, ct);
        return Details(workflow, await NamesAsync(db, ct));
    }

    private static async Task<WorkflowNames> NamesAsync(InboundDbContext db, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name, t.TimeZone }).ToListAsync(ct);
        return new(teams.ToDictionary(t => t.Id, t => t.Name), await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct))
        {
            TeamTimeZones = teams.ToDictionary(t => t.Id, t => t.TimeZone),
        };
    }

    private static WorkflowDetails Details(Workflow w, WorkflowNames names) => new(
        w.Id, w.Name, w.Status, w.Draft.Clone(), w.Validate([.. names.Teams.Keys]),
        [.. w.Versions.OrderByDescending(v => v.Number).Select(v => new VersionSummary(v.Id, v.Number, v.PublishedAt))],
        w.HasUnpublishedChanges, names);

    internal static RunSummary Summary(WorkflowRun r) => new(r.Id, r.WorkflowId, r.WorkflowName, r.VersionNumber, r.ConversationId, r.Status,
        r.CurrentNodeId, r.WaitingFor, r.WakeAt, r.StartedAt, r.EndedAt, r.EndReason);
}
