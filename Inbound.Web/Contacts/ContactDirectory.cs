using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Contacts;

/// <summary>
/// Finds contacts and reads one with its timeline. The list pages by name over the (Name, Id) index, so a page costs
/// the same at 100,000 contacts as at 100; a search looks in name, phone, email, field values and tags.
/// </summary>
public sealed class ContactDirectory(IDbContextFactory<InboundDbContext> dbFactory)
{
    public async Task<ContactSearchPage> SearchAsync(ContactQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(0, query.Page);
        var total = await Filtered(db, query).CountAsync(ct);
        var rows = await PageQuery(db, query, page, size).ToListAsync(ct);
        return new ContactSearchPage(rows.Select(r => new ContactRow(r.Id, r.Name, r.Phone, r.Email, r.Tags, r.CreatedAt)).ToList(), total, page, size);
    }

    public async Task<ContactDetails?> GetAsync(Guid contactId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Identities).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return null;
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.ContactId == contactId).OrderByDescending(c => c.OpenedAt)
            .Select(c => new
            {
                c.Id, c.Status, c.Source, c.ChannelId, c.TeamId, c.AssigneeId, c.OpenedAt, c.ClosedAt,
                Category = c.ClosingNote == null ? null : c.ClosingNote.Category,
                First = db.Messages.Where(m => m.Id == c.FirstMessageId).Select(m => m.Body).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var agentIds = conversations.Where(c => c.AssigneeId != null).Select(c => c.AssigneeId!.Value).Distinct().ToList();
        var agents = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return new ContactDetails(contact.Id, contact.Name, contact.IsAnonymous, contact.Phone, contact.Email, contact.CreatedAt,
            contact.Identities.Select(i => new ContactIdentityInfo(i.ChannelId, channels.GetValueOrDefault(i.ChannelId, "Unknown channel"), i.ExternalId)).ToList(),
            new Dictionary<string, string>(contact.Fields, StringComparer.OrdinalIgnoreCase),
            contact.Tags,
            conversations.Select(c => new ContactConversation(c.Id, c.Status, c.Source, channels.GetValueOrDefault(c.ChannelId, "Unknown channel"),
                c.TeamId is { } t ? teams.GetValueOrDefault(t) : null, c.AssigneeId is { } a ? agents.GetValueOrDefault(a) : null,
                c.OpenedAt, c.ClosedAt, c.Category, c.First)).ToList());
    }

    /// <summary>The tags in use, for the list's filter.</summary>
    public async Task<IReadOnlyList<string>> TagsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The tag arrays are read in SQL (json_each, PostgreSQL's json_array_elements_text): only distinct tags leave the database.
        var tags = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<string>($"SELECT DISTINCT j.value AS \"Value\" FROM \"Contacts\", json_array_elements_text(\"Contacts\".\"TagsJson\"::json) AS j(value) ORDER BY 1 LIMIT 500")
            : db.Database.SqlQuery<string>($"SELECT DISTINCT j.value AS Value FROM Contacts, json_each(Contacts.TagsJson) AS j ORDER BY 1 LIMIT 500");
        return await tags.ToListAsync(ct);
    }

    /// <summary>
    /// One page in Thai name order (<see cref="ThaiCollation"/>): SQLite walks the (Name COLLATE THAI, Id) index instead of
    /// sorting the table; PostgreSQL sorts with its ICU collation th-TH-x-icu.
    /// </summary>
    internal static IQueryable<ContactRow> PageQuery(InboundDbContext db, ContactQuery query, int page, int size)
    {
        var collation = db.Database.IsNpgsql() ? ThaiCollation.PostgreSql : ThaiCollation.Sqlite;
        return Filtered(db, query).AsNoTracking().OrderBy(c => EF.Functions.Collate(c.Name, collation)).ThenBy(c => c.Id).Skip(page * size).Take(size)
            .Select(c => new ContactRow(c.Id, c.Name, c.Phone, c.Email, c.Tags, c.CreatedAt));
    }

    internal static IQueryable<Contact> Filtered(InboundDbContext db, ContactQuery query)
    {
        var clauses = new List<string>();
        var parameters = new List<object>();
        var postgreSql = db.Database.IsNpgsql();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // LIKE is case-insensitive for ASCII in SQLite, ILIKE is PostgreSQL's; field values and tags are matched
            // inside their JSON columns.
            parameters.Add("%" + Escape(ContainsPattern.Term(query.Search)) + "%");
            var like = postgreSql ? "ILIKE" : "LIKE";
            var columns = new[] { "Name", "Phone", "Email", "FieldsJson", "TagsJson" };
            clauses.Add("(" + string.Join(" OR ", columns.Select(column => $"\"{column}\" {like} {{0}} ESCAPE '\\'")) + ")");
        }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            parameters.Add(query.Tag.Trim());
            var tags = postgreSql ? "json_array_elements_text(\"TagsJson\"::json) AS t(value)" : "json_each(\"TagsJson\")";
            clauses.Add($"EXISTS (SELECT 1 FROM {tags} WHERE lower(value) = lower({{{parameters.Count - 1}}}))");
        }
        IQueryable<Contact> contacts = clauses.Count == 0
            ? db.Contacts
#pragma warning disable EF1002 // The clauses are constants of this method; every value goes in as a parameter.
            : db.Contacts.FromSqlRaw($"SELECT * FROM \"Contacts\" WHERE {string.Join(" AND ", clauses)}", [.. parameters]);
#pragma warning restore EF1002
        if (query.ChannelId is { } channelId) contacts = contacts.Where(c => c.Identities.Any(i => i.ChannelId == channelId));
        if (query.HasOpenConversation is { } open)
            contacts = contacts.Where(c => db.Conversations.Any(o => o.ContactId == c.Id && o.Status == ConversationStatus.Open) == open);
        return contacts;
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
