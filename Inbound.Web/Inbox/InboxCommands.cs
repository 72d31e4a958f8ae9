using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.SeedWork;
using Inbound.Domain.Texts;
using Inbound.Web.Data;
using Inbound.Web.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Inbox;

/// <summary>
/// What an agent does in the inbox. Each action checks the viewer may act on the conversation, changes it through
/// the domain and commits with <see cref="UnitOfWork.SaveAndPublishAsync"/>, so the live path hears of it.
/// </summary>
public sealed class InboxCommands(
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    TimeProvider clock,
    WorkflowService workflows,
    Admin.Replies.ReplyLibrary replies,
    Channels.WhatsApp.ServiceWindow serviceWindow)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <param name="attachmentIds">Files already stored for this conversation (MediaLibrary), sent with the reply.</param>
    public Task<CommandResult> ReplyAsync(InboxViewer viewer, Guid conversationId, string text, CancellationToken ct = default,
        IReadOnlyList<Guid>? attachmentIds = null) =>
        ActAsync(viewer, conversationId, async (c, db) =>
            // Refused here, not stored to fail later: the agent learns at once that only a template can go out.
            (await serviceWindow.ForAsync(db, c.Id, ct)) is { IsOpen: false, Notice: var closed }
                ? CommandResult.Invalid(closed!)
                : CommandResult.Done(db.Messages.Add(c.Reply(AuthorKind.Agent, viewer.AgentId, text ?? "", Now, attachmentIds: attachmentIds)).Entity.Id), ct);

    /// <summary>Replies with one of the channel's approved templates, filled with the agent's values (WhatsApp outside its window).</summary>
    public Task<CommandResult> ReplyWithTemplateAsync(InboxViewer viewer, Guid conversationId, string templateName, string language,
        IReadOnlyList<string> values, CancellationToken ct = default) =>
        ActAsync(viewer, conversationId, async (c, db) =>
        {
            var template = (await serviceWindow.ForAsync(db, c.Id, ct)).Templates.FirstOrDefault(t => t.Name == templateName && t.Language == language);
            if (template is null) return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandNoTemplate, "The channel has no approved template {0} ({1}) to send now.", templateName, language));
            return CommandResult.Done(db.Messages.Add(c.ReplyWithTemplate(viewer.AgentId, template, values, Now)).Entity.Id);
        }, ct);

    public Task<CommandResult> AddNoteAsync(InboxViewer viewer, Guid conversationId, string text, CancellationToken ct = default) =>
        ActAsync(viewer, conversationId, (c, db) => CommandResult.Done(db.Messages.Add(c.AddNote(AuthorKind.Agent, viewer.AgentId, text ?? "", Now)).Entity.Id), ct);

    /// <param name="aiWritten">The summary is the model's draft, unchanged by the agent.</param>
    public Task<CommandResult> CloseAsync(InboxViewer viewer, Guid conversationId, string category, string summary, CancellationToken ct = default,
        bool aiWritten = false) =>
        ActAsync(viewer, conversationId, async (c, _) =>
        {
            // The categories admins keep in the app (seeded from appsettings.json); retired ones are not offered.
            if (!await replies.IsActiveClosingCategoryAsync(category ?? "", ct))
                return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandPickCategory, "Pick a category from: {0}.", new PhraseList(", ", [.. (await replies.ClosingCategoriesAsync(ct: ct)).Select(x => x.Name)])));
            c.Close(new ClosingNote(category!, summary ?? "", aiWritten), viewer.AgentId, Now);
            return CommandResult.Done(c.Id);
        }, ct);

    /// <summary>
    /// Hands the conversation to an agent (optionally in a team), or to a team's queue when no agent is given. A hand
    /// assignment keeps the workflow's guarantees: an agent at capacity is refused unless a supervisor or admin
    /// overrides it knowingly (<paramref name="overCapacity"/>), and the agent's ticket moves as the engine's does, so a
    /// concurrent automatic assignment to the same agent fails its save instead of going past capacity.
    /// </summary>
    public Task<CommandResult> ReassignAsync(InboxViewer viewer, Guid conversationId, Guid? agentId, Guid? teamId, CancellationToken ct = default,
        bool overCapacity = false) =>
        ActAsync(viewer, conversationId, async (c, db) =>
        {
            if (agentId is null && teamId is null) return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandChooseTarget, "Choose an agent or a team."));
            string? teamName = null;
            if (teamId is { } t && (teamName = await db.Teams.Where(x => x.Id == t).Select(x => x.Name).SingleOrDefaultAsync(ct)) is null)
                return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandNoSuchTeam, "No such team."));
            if (agentId is { } a)
            {
                var agent = await db.Agents.SingleOrDefaultAsync(x => x.Id == a, ct);
                if (agent is null) return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandNoSuchAgent, "No such agent."));
                var note = Phrase.Of(PhraseCode.NoteAssignedBy, "Assigned to {0} by {1}", agent.Name, viewer.Name);
                if (c.AssigneeId != a)
                {
                    var open = await db.Conversations.CountAsync(x => x.Status == ConversationStatus.Open && x.AssigneeId == a, ct);
                    if (open >= agent.Capacity)
                    {
                        if (!viewer.IsSupervisor && !viewer.IsAdmin)
                            return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandOverCapacitySupervisorsOnly, "{0} already has {1} of {2} open conversations; only a supervisor can assign over capacity.", agent.Name, open, agent.Capacity));
                        if (!overCapacity)
                            return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandOverCapacityConfirm, "{0} already has {1} of {2} open conversations; confirm to assign over capacity.", agent.Name, open, agent.Capacity));
                        note = Phrase.Of(PhraseCode.NoteAssignedOverCapacity, "Assigned to {0} by {1}, over capacity ({2} of {3} open)", agent.Name, viewer.Name, open + 1, agent.Capacity);
                    }
                    agent.RecordAssignment(await db.Agents.MaxAsync(x => x.LastAssignmentTicket, ct) + 1);
                }
                c.AssignTo(a, teamId, Now);
                db.Messages.Add(c.AddNote(AuthorKind.System, viewer.AgentId, note, Now));
            }
            else
            {
                c.Unassign(Now);
                c.RouteToTeam(teamId!.Value, Now);
                db.Messages.Add(c.AddNote(AuthorKind.System, viewer.AgentId, Phrase.Of(PhraseCode.NoteMovedToQueue, "Moved to the {0} queue by {1}", teamName!, viewer.Name), Now));
            }
            return CommandResult.Done(c.Id);
        }, ct);

    /// <summary>
    /// Starts a published manual workflow on the conversation, with a line in the thread saying who started it. The
    /// run starts once that line is committed, so it never acts on a conversation the agent could not change.
    /// </summary>
    public async Task<CommandResult> StartWorkflowAsync(InboxViewer viewer, Guid conversationId, Guid workflowId, CancellationToken ct = default)
    {
        var result = await ActAsync(viewer, conversationId, async (c, db) =>
        {
            var workflow = (await workflows.ManualWorkflowsAsync(ct)).FirstOrDefault(w => w.Id == workflowId);
            if (workflow is null) return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandNoManualWorkflow, "No published workflow with a manual trigger has that id."));
            db.Messages.Add(c.AddNote(AuthorKind.System, viewer.AgentId, Phrase.Of(PhraseCode.NoteWorkflowStarted, "Workflow \"{0}\" started by {1}", workflow.Name, viewer.Name), Now));
            return CommandResult.Done(c.Id);
        }, ct);
        if (result.Succeeded && !await workflows.StartManuallyAsync(workflowId, conversationId, ct))
            return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandWorkflowUnpublished, "The workflow was unpublished meanwhile."));
        return result;
    }

    public async Task<CommandResult> SetAvailabilityAsync(InboxViewer viewer, AgentAvailability availability, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(availability)) return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandAvailability, "Availability is Online, Away or Offline."));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == viewer.AgentId, ct);
        if (agent is null) return CommandResult.NotFound;
        agent.SetAvailability(availability, Now);
        await db.SaveAndPublishAsync(publisher, ct);
        return CommandResult.Done(agent.Id);
    }

    public async Task<AgentAvailability?> GetAvailabilityAsync(Guid agentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Agents.Where(a => a.Id == agentId).Select(a => (AgentAvailability?)a.Availability).SingleOrDefaultAsync(ct);
    }

    /// <summary>Marks everything in the conversation as read by the viewer; unread counts start again from here.</summary>
    public async Task MarkReadAsync(InboxViewer viewer, Guid conversationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var marker = await db.Set<ConversationReadMarker>().SingleOrDefaultAsync(r => r.ConversationId == conversationId && r.AgentId == viewer.AgentId, ct);
        if (marker is null) db.Add(new ConversationReadMarker(viewer.AgentId, conversationId, Now));
        else marker.ReadAt = Now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs marked it at once; either marker will do.
        }
    }

    private Task<CommandResult> ActAsync(InboxViewer viewer, Guid id, Func<Conversation, InboundDbContext, CommandResult> act, CancellationToken ct) =>
        ActAsync(viewer, id, (c, db) => Task.FromResult(act(c, db)), ct);

    // A person's command carries their intent, not a version they saw: when a workflow or another node changed the
    // conversation meanwhile, the command is checked and applied again on the fresh state instead of refused.
    private const int ConflictAttempts = 3;

    private async Task<CommandResult> ActAsync(InboxViewer viewer, Guid id, Func<Conversation, InboundDbContext, Task<CommandResult>> act, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (conversation is null || !viewer.CanSee(conversation)) return CommandResult.NotFound;
            if (!viewer.CanAct(conversation)) return CommandResult.Forbidden(Phrase.Of(PhraseCode.CommandForbidden, "You may not change this conversation."));
            CommandResult result;
            try
            {
                result = await act(conversation, db);
            }
            catch (DomainException ex)
            {
                return ex.Said is { } said ? CommandResult.Invalid(said) : CommandResult.Invalid(ex.Message);
            }
            if (!result.Succeeded) return result;
            try
            {
                await db.SaveAndPublishAsync(publisher, ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictAttempts)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                return CommandResult.Invalid(Phrase.Of(PhraseCode.CommandChangedMeanwhile, "The conversation changed meanwhile; reload it and try again."));
            }
        }
    }
}
