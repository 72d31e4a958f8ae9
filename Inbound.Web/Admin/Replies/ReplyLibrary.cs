using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Inbound.Web.Admin.AdminResults;

namespace Inbound.Web.Admin.Replies;

public sealed record CannedResponseInput(string? Shortcut, string? Text, CannedResponseScope Scope, Guid? TeamId);

public sealed record CannedResponseView(Guid Id, string Shortcut, string Text, CannedResponseScope Scope, Guid? TeamId, Guid? OwnerAgentId);

public sealed record ClosingCategoryView(Guid Id, string Name, bool Retired);

/// <summary>
/// Canned responses and closing categories, kept in the database and edited in the app. The lists in
/// <c>appsettings.json</c> seed them once, on an installation that has none yet.
/// </summary>
public sealed class ReplyLibrary(IDbContextFactory<InboundDbContext> dbFactory, IOptionsMonitor<InboxOptions> options, IAuditLog audit, TimeProvider clock)
{
    private readonly SemaphoreSlim _seeding = new(1, 1);
    private volatile bool _seeded;

    /// <summary>What the viewer may insert: workspace responses, their teams' and their own.</summary>
    public async Task<IReadOnlyList<CannedResponseView>> CannedResponsesForAsync(InboxViewer viewer, CancellationToken ct = default)
    {
        await using var db = await SeededAsync(ct);
        var teams = viewer.TeamIds.ToList();
        return await db.CannedResponses.AsNoTracking()
            .Where(r => r.Scope == CannedResponseScope.Workspace
                        || (r.Scope == CannedResponseScope.Team && r.TeamId != null && (viewer.IsAdmin || teams.Contains(r.TeamId.Value)))
                        || (r.Scope == CannedResponseScope.Personal && r.OwnerAgentId == viewer.AgentId))
            .OrderBy(r => r.Shortcut)
            .Select(r => new CannedResponseView(r.Id, r.Shortcut, r.Text, r.Scope, r.TeamId, r.OwnerAgentId))
            .ToListAsync(ct);
    }

    /// <summary>Creates (id null) or edits a response. Admins manage all; supervisors their teams'; everyone their personal ones.</summary>
    public async Task<AdminResult<CannedResponseView>> SaveCannedResponseAsync(InboxViewer viewer, Guid? id, CannedResponseInput input, CancellationToken ct = default)
    {
        var shortcut = (input.Shortcut ?? "").Trim().TrimStart('/');
        var text = (input.Text ?? "").Trim();
        if (shortcut.Length is 0 or > 50 || shortcut.Any(char.IsWhiteSpace)) return Invalid("shortcut", AdminError.ShortcutInvalid, "A shortcut is one word of at most 50 characters.");
        if (text.Length is 0 or > 4000) return Invalid("text", AdminError.ResponseTextInvalid, "Write the response (at most 4,000 characters).");
        if (!Enum.IsDefined(input.Scope)) return Invalid("scope", "Scope is Workspace, Team or Personal.");
        if (input.Scope == CannedResponseScope.Team && input.TeamId is null) return Invalid("teamId", AdminError.ResponseTeamMissing, "Choose the team.");
        if (!MayManage(viewer, input.Scope, input.TeamId, viewer.AgentId)) return Invalid("scope", AdminError.ResponseScopeDenied, "You may not manage responses of that scope.");
        await using var db = await SeededAsync(ct);
        CannedResponse response;
        if (id is { } existing)
        {
            var found = await db.CannedResponses.SingleOrDefaultAsync(r => r.Id == existing, ct);
            if (found is null || !MayManage(viewer, found.Scope, found.TeamId, found.OwnerAgentId)) return NotFound("canned response");
            response = found;
            response.Shortcut = shortcut;
            response.Text = text;
        }
        else
        {
            response = new CannedResponse(shortcut, text, input.Scope, input.Scope == CannedResponseScope.Team ? input.TeamId : null,
                input.Scope == CannedResponseScope.Personal ? viewer.AgentId : null);
            db.CannedResponses.Add(response);
        }
        await db.SaveChangesAsync(ct);
        if (response.Scope != CannedResponseScope.Personal)
            await audit.RecordAsync(new Actor(viewer.UserId, viewer.Name), "canned-response.saved", $"/{shortcut}", $"{response.Scope}: {Clip(text)}", ct);
        return Done(new CannedResponseView(response.Id, response.Shortcut, response.Text, response.Scope, response.TeamId, response.OwnerAgentId));
    }

    public async Task<AdminResult<bool>> DeleteCannedResponseAsync(InboxViewer viewer, Guid id, CancellationToken ct = default)
    {
        await using var db = await SeededAsync(ct);
        var response = await db.CannedResponses.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (response is null || !MayManage(viewer, response.Scope, response.TeamId, response.OwnerAgentId)) return NotFound("canned response");
        db.CannedResponses.Remove(response);
        await db.SaveChangesAsync(ct);
        if (response.Scope != CannedResponseScope.Personal)
            await audit.RecordAsync(new Actor(viewer.UserId, viewer.Name), "canned-response.deleted", $"/{response.Shortcut}", "", ct);
        return Done(true);
    }

    /// <summary>
    /// Fills a response's <c>{{contact.name}}</c>-style variables for the conversation it goes into; the agent sees the
    /// result in the composer before sending, and unknown variables are left for them to fill.
    /// </summary>
    public static string Render(string text, ContactCard contact, string agentName) =>
        TemplateRenderer.Render(text, name =>
        {
            const string fields = "contact.fields.";
            if (name.StartsWith(fields, StringComparison.OrdinalIgnoreCase))
                return contact.Fields.TryGetValue(name[fields.Length..], out var value) ? value : null;
            return name.ToLowerInvariant() switch
            {
                "contact.name" => contact.Name,
                "contact.email" => contact.Email,
                "contact.phone" => contact.Phone,
                "agent.name" => agentName,
                "channel" or "channel.name" => contact.ChannelName,
                _ => null,
            };
        });

    public async Task<IReadOnlyList<ClosingCategoryView>> ClosingCategoriesAsync(bool includeRetired = false, CancellationToken ct = default)
    {
        await using var db = await SeededAsync(ct);
        return await db.ClosingCategories.AsNoTracking().Where(c => includeRetired || c.RetiredAt == null).OrderBy(c => c.Order).ThenBy(c => c.Name)
            .Select(c => new ClosingCategoryView(c.Id, c.Name, c.RetiredAt != null)).ToListAsync(ct);
    }

    public async Task<AdminResult<ClosingCategoryView>> AddClosingCategoryAsync(Actor actor, string name, CancellationToken ct = default)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > 100) return Invalid("name", AdminError.CategoryNameInvalid, "A category needs a name of at most 100 characters.");
        await using var db = await SeededAsync(ct);
        var existing = await db.ClosingCategories.SingleOrDefaultAsync(c => c.Name == trimmed, ct);
        if (existing is { RetiredAt: null }) return Invalid("name", AdminError.CategoryExists, "There is already a category called {0}.", trimmed);
        if (existing is not null) existing.RetiredAt = null;
        else db.ClosingCategories.Add(existing = new ClosingCategory(trimmed, await db.ClosingCategories.CountAsync(ct)));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "closing-category.added", trimmed, "", ct);
        return Done(new ClosingCategoryView(existing.Id, existing.Name, false));
    }

    /// <summary>Deletes a category no conversation was closed with; one that was used is retired, so those conversations keep it.</summary>
    public async Task<AdminResult<ClosingCategoryView>> RemoveClosingCategoryAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = await SeededAsync(ct);
        var category = await db.ClosingCategories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return NotFound("closing category");
        var used = await db.Conversations.AnyAsync(c => c.ClosingNote != null && c.ClosingNote.Category == category.Name, ct);
        if (used) category.RetiredAt ??= clock.GetUtcNow().UtcDateTime;
        else db.ClosingCategories.Remove(category);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, used ? "closing-category.retired" : "closing-category.deleted", category.Name,
            used ? "In use by closed conversations: retired, not deleted." : "", ct);
        return Done(new ClosingCategoryView(category.Id, category.Name, used));
    }

    public async Task<bool> IsActiveClosingCategoryAsync(string name, CancellationToken ct = default)
    {
        await using var db = await SeededAsync(ct);
        var trimmed = (name ?? "").Trim();
        return await db.ClosingCategories.AnyAsync(c => c.RetiredAt == null && c.Name.ToLower() == trimmed.ToLower(), ct);
    }

    private static bool MayManage(InboxViewer viewer, CannedResponseScope scope, Guid? teamId, Guid? ownerAgentId) => scope switch
    {
        CannedResponseScope.Workspace => viewer.IsAdmin,
        CannedResponseScope.Team => viewer.IsAdmin || (viewer.IsSupervisor && teamId is { } t && viewer.TeamIds.Contains(t)),
        _ => ownerAgentId == viewer.AgentId,
    };

    /// <summary>A context on a database whose lists were seeded from appsettings.json, once, when it had none.</summary>
    private async Task<InboundDbContext> SeededAsync(CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        if (_seeded) return db;
        await _seeding.WaitAsync(ct);
        try
        {
            if (_seeded) return db;
            var seed = options.CurrentValue;
            if (!await db.ClosingCategories.AnyAsync(ct))
                db.ClosingCategories.AddRange(seed.ClosingCategories.Select((name, i) => new ClosingCategory(name.Trim(), i)));
            if (!await db.CannedResponses.AnyAsync(ct))
                db.CannedResponses.AddRange(seed.CannedResponses.Select(c => new CannedResponse(c.Shortcut.Trim().TrimStart('/'), c.Text, CannedResponseScope.Workspace, null, null)));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node seeded at the same moment; its rows are as good.
                db.ChangeTracker.Clear();
            }
            _seeded = true;
            return db;
        }
        finally
        {
            _seeding.Release();
        }
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
