using Inbound.Domain.Conversations;
using Inbound.Web.Accounts;
using Inbound.Web.Data;
using Inbound.Web.Sla;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Inbox;

/// <summary>Reads for the inbox: every read goes through the viewer's visibility, so the UI, API and hub agree.</summary>
public sealed class InboxQueries(IDbContextFactory<InboundDbContext> dbFactory) : IConversationRows
{
    public const int PageSize = 200;

    /// <summary>Unread messages are counted up to this many.</summary>
    public const int UnreadCap = 100;

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxViewer viewer, InboxFilter filter, string? search, CancellationToken cancellationToken = default) =>
        await ListAsync(viewer, filter, search, PageSize, cancellationToken);

    /// <summary>The first <paramref name="limit"/> conversations of a list, newest activity first (closed: last closed first).</summary>
    public Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxViewer viewer, InboxFilter filter, string? search, int limit, CancellationToken cancellationToken = default) =>
        ListAsync(viewer, filter, search, limit, InboxSort.Recent, cancellationToken);

    /// <summary>The first <paramref name="limit"/> conversations of a list in the order asked for (closed: always last closed first).</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(InboxViewer viewer, InboxFilter filter, string? search, int limit, InboxSort sort, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SummariesAsync(db, viewer, Listed(db, viewer, filter, search), filter, limit, cancellationToken, sort);
    }

    /// <summary>
    /// The rows of a list for the given conversations only: what a live page reads for the conversations its events
    /// named. A conversation that no longer belongs to the list (assigned away, closed) is not returned.
    /// </summary>
    public async Task<IReadOnlyList<ConversationSummary>> RowsAsync(InboxViewer viewer, InboxFilter filter, string? search, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wanted = ids.ToList();
        return await SummariesAsync(db, viewer, Listed(db, viewer, filter, search).Where(c => wanted.Contains(c.Id)), filter, wanted.Count, cancellationToken);
    }

    /// <summary>Conversations waiting in each queue the viewer may take from: one grouped count, however long the queues.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> QueueCountsAsync(InboxViewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = viewer.TeamIds.ToList();
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Open && c.AssigneeId == null && c.TeamId != null && (viewer.IsAdmin || teams.Contains(c.TeamId.Value)))
            .GroupBy(c => c.TeamId!.Value)
            .Select(g => new { Team = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Team, x => x.Count, cancellationToken);
    }

    private static IQueryable<Conversation> Listed(InboundDbContext db, InboxViewer viewer, InboxFilter filter, string? search)
    {
        var me = viewer.AgentId;
        var teams = viewer.TeamIds.ToList();
        var conversations = db.Conversations.AsNoTracking();

        conversations = filter switch
        {
            InboxFilter.Mine => conversations.Where(c => c.Status == ConversationStatus.Open && c.AssigneeId == me),
            InboxFilter.Queue => conversations.Where(c => c.Status == ConversationStatus.Open && c.AssigneeId == null
                && (viewer.IsAdmin || (c.TeamId != null && teams.Contains(c.TeamId.Value)))),
            InboxFilter.Closed => Visible(conversations.Where(c => c.Status == ConversationStatus.Closed), viewer)
                .Where(c => viewer.IsAdmin || viewer.IsSupervisor || c.AssigneeId == me || c.ClosedById == me),
            _ => Visible(conversations.Where(c => c.Status == ConversationStatus.Open), viewer),
        };
        if (!string.IsNullOrWhiteSpace(search))
        {
            // The contact's name, or the text of any message of the conversation (Thai writes no spaces between words, so
            // "contains" is the only useful match). The message test is an EXISTS seeking the (ConversationId, CreatedAt)
            // index per listed conversation, so it reads the messages of the conversations the viewer may see, not the table.
            var pattern = ContainsPattern.For(db, search);
            conversations = conversations.Where(c => db.Contacts.Any(contact => contact.Id == c.ContactId
                    && EF.Functions.Like(contact.Name.ToLower(), pattern, ContainsPattern.Escape))
                || db.Messages.Any(m => m.ConversationId == c.Id && EF.Functions.Like(m.Body.ToLower(), pattern, ContainsPattern.Escape)));
        }
        return conversations;
    }

    private static async Task<IReadOnlyList<ConversationSummary>> SummariesAsync(InboundDbContext db, InboxViewer viewer, IQueryable<Conversation> conversations,
        InboxFilter filter, int limit, CancellationToken cancellationToken, InboxSort sort = InboxSort.Recent)
    {
        var me = viewer.AgentId;
        var rows =
            from c in conversations
            join contact in db.Contacts on c.ContactId equals contact.Id
            join channel in db.Channels on c.ChannelId equals channel.Id
            select new { c, contact.Name, ChannelName = channel.Name, channel.Type };
        rows = filter == InboxFilter.Closed ? rows.OrderByDescending(r => r.c.ClosedAt)
            // The due time the row shows (first reply until there is one, then resolution); those without an SLA last.
            : sort == InboxSort.TimeLeft ? rows.OrderBy(r => (r.c.FirstResponseAt == null ? r.c.FirstResponseDueAt ?? r.c.ResolutionDueAt : r.c.ResolutionDueAt) ?? DateTime.MaxValue)
                .ThenByDescending(r => r.c.LastActivityAt)
            : rows.OrderByDescending(r => r.c.LastActivityAt);

        var page = await rows.Take(limit).Select(r => new
        {
            r.c.Id, r.c.Sequence, r.Name, r.ChannelName, r.Type, r.c.Status, r.c.AssigneeId, r.c.TeamId, r.c.LastActivityAt, r.c.WaitingSince,
            // One scalar subquery per column on purpose: each is an index seek on (ConversationId, CreatedAt). Selecting the
            // last message as one object makes EF Core on SQLite rank every message of the table (ROW_NUMBER) per read.
            LastBody = db.Messages.Where(m => m.ConversationId == r.c.Id && m.Direction != MessageDirection.InternalNote)
                .OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstOrDefault(),
            LastDirection = db.Messages.Where(m => m.ConversationId == r.c.Id && m.Direction != MessageDirection.InternalNote)
                .OrderByDescending(m => m.CreatedAt).Select(m => (MessageDirection?)m.Direction).FirstOrDefault(),
            LastAuthorKind = db.Messages.Where(m => m.ConversationId == r.c.Id && m.Direction != MessageDirection.InternalNote)
                .OrderByDescending(m => m.CreatedAt).Select(m => (AuthorKind?)m.AuthorKind).FirstOrDefault(),
            LastAuthorId = db.Messages.Where(m => m.ConversationId == r.c.Id && m.Direction != MessageDirection.InternalNote)
                .OrderByDescending(m => m.CreatedAt).Select(m => m.AuthorId).FirstOrDefault(),
            LastAt = db.Messages.Where(m => m.ConversationId == r.c.Id && m.Direction != MessageDirection.InternalNote)
                .OrderByDescending(m => m.CreatedAt).Select(m => (DateTime?)m.CreatedAt).FirstOrDefault(),
            r.c.AwaitingReplySince,
            r.c.SlaTeamId, r.c.FirstResponseAt, r.c.FirstResponseDueAt, r.c.ResolutionDueAt,
            // Counted up to a cap: a row shows "99+", and a conversation with thousands of unread messages costs no more.
            Unread = db.Messages.Where(m => m.ConversationId == r.c.Id && m.Direction == MessageDirection.Inbound
                && m.CreatedAt > (db.Set<ConversationReadMarker>().Where(k => k.ConversationId == r.c.Id && k.AgentId == me)
                    .Select(k => (DateTime?)k.ReadAt).FirstOrDefault() ?? DateTime.MinValue))
                .OrderBy(m => m.CreatedAt).Take(UnreadCap).Count(),
        }).ToListAsync(cancellationToken);

        var names = await NamesAsync(db, page.Select(p => p.AssigneeId).Concat(page.Select(p => p.LastAuthorKind == AuthorKind.Agent ? p.LastAuthorId : null)),
            page.Select(p => p.TeamId), cancellationToken);
        var sla = await TeamSlaClocks.ReadAsync(db, page.Select(p => p.SlaTeamId), cancellationToken);
        return page.Select(p => new ConversationSummary(
                p.Id, p.Sequence, p.Name, p.ChannelName, p.Type, p.Status,
                p.AssigneeId, p.AssigneeId is { } a ? names.Agents.GetValueOrDefault(a) : null,
                p.TeamId, p.TeamId is { } t ? names.Teams.GetValueOrDefault(t) : null,
                p.LastBody, p.LastDirection, p.LastAt ?? p.LastActivityAt,
                p.Status != ConversationStatus.Open ? null : p.AssigneeId is null ? p.WaitingSince ?? p.AwaitingReplySince : p.AwaitingReplySince,
                p.Unread, p.LastAuthorKind, p.LastAuthorId,
                p.LastAuthorKind == AuthorKind.Agent && p.LastAuthorId is { } author ? names.Agents.GetValueOrDefault(author) : null,
                sla.For(p.SlaTeamId, p.Status, p.FirstResponseAt, p.FirstResponseDueAt, p.ResolutionDueAt)))
            .ToList();
    }

    /// <param name="shown">
    /// The thread as the page shows it: only messages from its last entry on are read and appended, so a live page's
    /// cost per new message does not grow with the thread's length. Entries already shown are kept as they are.
    /// </param>
    /// <returns>Null when the conversation does not exist or the viewer may not see it (the two are not told apart).</returns>
    public async Task<ConversationThread?> GetThreadAsync(InboxViewer viewer, Guid conversationId, CancellationToken cancellationToken = default,
        ConversationThread? shown = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == conversationId, cancellationToken);
        if (c is null || !viewer.CanSee(c)) return null;

        var contact = await db.Contacts.AsNoTracking().Include(x => x.Identities).SingleAsync(x => x.Id == c.ContactId, cancellationToken);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(x => x.Id, cancellationToken);
        var kept = shown is { Entries.Count: > 0 } && shown.Id == c.Id ? shown.Entries : [];
        var from = kept.Count > 0 ? kept[^1].CreatedAt : DateTime.MinValue;
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == c.Id && m.CreatedAt >= from)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var past = await db.Conversations.AsNoTracking()
            .Where(x => x.ContactId == c.ContactId && x.Id != c.Id)
            .OrderByDescending(x => x.OpenedAt).Take(20).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, messages.Select(m => m.AuthorId).Append(c.AssigneeId), [c.TeamId], cancellationToken);

        var files = await Channels.Media.AttachmentQuery.DescribeAsync(db, messages, cancellationToken);
        var read = messages.Select(m => new ThreadEntry(m.Id, m.Direction, m.AuthorKind, AuthorName(m, contact.Name, names.Agents), m.Body, m.DeliveryStatus, m.CreatedAt, m.QuickReplies,
            m.AuthorKind == AuthorKind.Agent ? m.AuthorId : null, m.DeliveryError, Channels.Media.AttachmentQuery.Of(m, files), m.Said)).ToList();
        var reread = read.Select(e => e.Id).ToHashSet();
        var entries = kept.Count == 0 ? read : [.. kept.Where(e => !reread.Contains(e.Id)), .. read];
        var channel = channels[c.ChannelId];
        var card = new ContactCard(contact.Id, contact.Name, contact.Email, contact.Phone, channel.Name, channel.Type,
            contact.Identities.Select(i => new ContactIdentityView(channels.TryGetValue(i.ChannelId, out var ch) ? ch.Name : "Unknown channel", i.ExternalId)).ToList(),
            new Dictionary<string, string>(contact.Fields), contact.Tags.ToList(),
            past.Select(p => new PastConversation(p.Id, p.OpenedAt, p.Status, p.ClosingNote?.Category, viewer.CanSee(p))).ToList())
        {
            // Only a web address is put in an img tag: a field anyone can edit must not become a javascript: or data: URL.
            PictureUrl = Uri.TryCreate(contact.GetField(Channels.Line.LineProfiles.PictureField), UriKind.Absolute, out var picture)
                && (picture.Scheme == Uri.UriSchemeHttps || picture.Scheme == Uri.UriSchemeHttp) ? picture.ToString() : null,
            UnreachableReason = contact.UnreachableReason,
        };

        return new ConversationThread(c.Id, c.Sequence, c.Status, c.AssigneeId,
            c.AssigneeId is { } a ? names.Agents.GetValueOrDefault(a) : null,
            c.TeamId, c.TeamId is { } t ? names.Teams.GetValueOrDefault(t) : null,
            c.OpenedAt, c.ClosedAt, c.ClosingNote?.Category, c.ClosingNote?.Summary, entries, card,
            await AssignmentExplanations.LatestAsync(db, viewer, c, cancellationToken),
            (await TeamSlaClocks.ReadAsync(db, [c.SlaTeamId], cancellationToken)).For(c.SlaTeamId, c.Status, c.FirstResponseAt, c.FirstResponseDueAt, c.ResolutionDueAt));
    }

    /// <summary>
    /// Whom a conversation can be handed to: agents of its team (or the viewer's teams) first, then other agents, then
    /// supervisors and admins; each with availability and open/capacity, so that a choice that leaves it waiting shows.
    /// </summary>
    public async Task<ReassignTargets> GetReassignTargetsAsync(InboxViewer viewer, Guid? teamId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var relevant = teamId is { } t ? [t] : viewer.TeamIds.ToList();
        var agents = await db.Agents.AsNoTracking().ToListAsync(cancellationToken);
        var members = await db.TeamMembers.AsNoTracking().Select(m => new { m.TeamId, m.AgentId }).ToListAsync(cancellationToken);
        var open = await db.Conversations.AsNoTracking()
            .Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null)
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { AgentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AgentId, x => x.Count, cancellationToken);
        var roles = await (from u in db.Users
                           where u.AgentId != null
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { AgentId = u.AgentId!.Value, r.Name }).ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.AgentId).ToDictionary(g => g.Key, g => g.First().Name ?? Roles.Agent);
        var inTeam = members.Where(m => relevant.Contains(m.TeamId)).Select(m => m.AgentId).ToHashSet();

        var options = agents.Select(a => new AgentOption(a.Id, a.Name, a.Availability, roleOf.GetValueOrDefault(a.Id, Roles.Agent),
                open.GetValueOrDefault(a.Id), a.Capacity, inTeam.Contains(a.Id)))
            .OrderBy(a => a.Group).ThenBy(a => a.Name).ToList();
        var teams = await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken);
        var byId = options.ToDictionary(a => a.Id);
        return new ReassignTargets(options,
            teams.Select(x => new TeamChoice(x.Id, x.Name, members.Count(m => m.TeamId == x.Id && byId.TryGetValue(m.AgentId, out var a) && a.IsFree))).ToList(),
            teamId is { } current ? teams.FirstOrDefault(x => x.Id == current)?.Name : null);
    }

    private static IQueryable<Conversation> Visible(IQueryable<Conversation> conversations, InboxViewer viewer)
    {
        if (viewer.IsAdmin) return conversations;
        var me = viewer.AgentId;
        var teams = viewer.TeamIds.ToList();
        return viewer.IsSupervisor
            ? conversations.Where(c => c.AssigneeId == me || (c.TeamId != null && teams.Contains(c.TeamId.Value)))
            : conversations.Where(c => c.AssigneeId == me || (c.AssigneeId == null && c.TeamId != null && teams.Contains(c.TeamId.Value)));
    }

    private static string AuthorName(Message m, string contactName, IReadOnlyDictionary<Guid, string> agents) => m.AuthorKind switch
    {
        AuthorKind.Contact => contactName,
        AuthorKind.Agent => m.AuthorId is { } id && agents.TryGetValue(id, out var name) ? name : "Agent",
        AuthorKind.Workflow => "Workflow",
        _ => "System",
    };

    private static async Task<(Dictionary<Guid, string> Agents, Dictionary<Guid, string> Teams)> NamesAsync(
        InboundDbContext db, IEnumerable<Guid?> agentIds, IEnumerable<Guid?> teamIds, CancellationToken cancellationToken)
    {
        var a = agentIds.OfType<Guid>().Distinct().ToList();
        var t = teamIds.OfType<Guid>().Distinct().ToList();
        var agents = await db.Agents.AsNoTracking().Where(x => a.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(x => t.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        return (agents, teams);
    }
}
