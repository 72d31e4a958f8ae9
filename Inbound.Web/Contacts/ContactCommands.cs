using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Domain.SeedWork;
using Inbound.Web.Admin;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;
using static Inbound.Web.Admin.AdminResults;

namespace Inbound.Web.Contacts;

/// <summary>Changes to contacts a person makes: edits checked against the field definitions, merges, outbound conversations.</summary>
public sealed class ContactCommands(
    IDbContextFactory<InboundDbContext> dbFactory,
    IDomainEventPublisher publisher,
    SqliteWriteGate gate,
    IAuditLog audit,
    TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static readonly AdminFailure ContactNotFound = NotFound("contact") with { Code = AdminError.ContactNotFound };

    public async Task<AdminResult<Guid>> EditAsync(Actor actor, Guid contactId, ContactEdit edit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return ContactNotFound;
        var definitions = await db.ContactFieldDefinitions.AsNoTracking().ToDictionaryAsync(f => f.Key, StringComparer.OrdinalIgnoreCase, ct);
        var name = edit.Name ?? contact.Name;
        if (string.IsNullOrWhiteSpace(name)) return Invalid("name", AdminError.ContactNameMissing, "A contact needs a name.");
        if (name.Trim().Length > 200) return Invalid("name", AdminError.ContactNameTooLong, "A name is at most {0} characters.", 200);
        if (!string.IsNullOrWhiteSpace(edit.Email) && !System.Text.RegularExpressions.Regex.IsMatch(edit.Email.Trim(), @"^[^@\s]+@[^@\s]+\.[^@\s]+$"))
            return Invalid("email", AdminError.EmailInvalid, "Enter a valid email address.");
        if (!string.IsNullOrWhiteSpace(edit.Phone) && !System.Text.RegularExpressions.Regex.IsMatch(edit.Phone.Trim(), @"^\+?[0-9 ()\-]{5,25}$"))
            return Invalid("phone", AdminError.PhoneInvalid, "Enter a phone number (digits, spaces, + - ( )).");
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in edit.Fields ?? contact.Fields)
        {
            if (string.IsNullOrWhiteSpace(key)) return Invalid("fields", AdminError.FieldNameMissing, "A field needs a name.");
            var (normalized, error) = definitions.TryGetValue(key, out var definition) ? definition.Normalize(value) : ((value ?? "").Trim(), null);
            if (error is not null) return Invalid($"fields.{definition!.Key}", error);
            if (normalized!.Length > 0) fields[definition?.Key ?? key.Trim()] = normalized;
        }
        var tags = (edit.Tags ?? contact.Tags).Select(t => (t ?? "").Trim()).Where(t => t.Length > 0).ToList();
        if (tags.Any(t => t.Length > 50)) return Invalid("tags", AdminError.TagTooLong, "A tag is at most {0} characters.", 50);

        contact.Edit(name, edit.Phone ?? (edit.Name is null ? contact.Phone : null), edit.Email ?? (edit.Name is null ? contact.Email : null));
        foreach (var key in contact.Fields.Keys.Where(k => !fields.ContainsKey(k)).ToList()) contact.RemoveField(key);
        foreach (var (key, value) in fields) contact.SetField(key, value);
        foreach (var tag in contact.Tags.Where(t => !tags.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList()) contact.RemoveTag(tag);
        foreach (var tag in tags) contact.AddTag(tag);
        await db.SaveChangesAsync(ct);
        return Done(contact.Id);
    }

    /// <summary>Sets the language the contact reads (workflow texts follow it); null forgets it.</summary>
    public async Task<AdminResult<string?>> SetLanguageAsync(Guid contactId, string? language, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return ContactNotFound;
        try
        {
            contact.SetLanguage(language);
        }
        catch (DomainException ex)
        {
            return Invalid("language", ex);
        }
        await db.SaveChangesAsync(ct);
        return Done(contact.Language);
    }

    /// <summary>
    /// Merges <paramref name="mergedId"/> into <paramref name="keptId"/>: identities, fields, tags, conversations and
    /// workflow runs move to the kept contact, and the other is deleted, so the next message on any of its channels
    /// lands on the kept one. Refused while both have an open conversation: one person cannot have two.
    /// </summary>
    public async Task<AdminResult<MergeOutcome>> MergeAsync(Actor actor, Guid keptId, Guid mergedId, CancellationToken ct = default)
    {
        if (keptId == mergedId) return Invalid("mergeId", AdminError.MergeSameContact, "Choose two different contacts.");
        await using var hold = await gate.HoldAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var contacts = await db.Contacts.Include(c => c.Identities).Where(c => c.Id == keptId || c.Id == mergedId).ToListAsync(ct);
        var kept = contacts.SingleOrDefault(c => c.Id == keptId);
        var merged = contacts.SingleOrDefault(c => c.Id == mergedId);
        if (kept is null) return NotFound("contact");
        if (merged is null) return Invalid("mergeId", AdminError.MergeContactMissing, "No such contact to merge.");
        var conversations = await db.Conversations.Where(c => c.ContactId == mergedId).ToListAsync(ct);
        var openKept = await db.Conversations.AnyAsync(c => c.ContactId == keptId && c.Status == ConversationStatus.Open, ct);
        if (openKept && conversations.Any(c => c.IsOpen))
            return Refused(AdminError.MergeBothOpen, "{0} and {1} both have an open conversation: close one of them first, as one person cannot have two open at once.", kept.Name, merged.Name);

        var identities = merged.Identities.Count;
        kept.Absorb(merged);
        foreach (var conversation in conversations) conversation.MoveToContact(keptId);
        // The identities change owner before the old contact goes, or its cascade would take them with it.
        await db.SaveChangesAsync(ct);
        await db.WorkflowRuns.Where(r => r.ContactId == mergedId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactId, keptId), ct);
        db.Contacts.Remove(merged);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await audit.RecordAsync(actor, "contact.merged", $"{merged.Name} into {kept.Name}",
            $"Kept {keptId}, removed {mergedId}; {conversations.Count} conversations and {identities} identities moved.", ct);
        return Done(new MergeOutcome(keptId, conversations.Count, identities));
    }

    /// <summary>
    /// Opens a conversation with the contact on one of their channels with a first message from the agent, assigned to
    /// them. Its source (User from the app, Api from a script) travels with <see cref="ConversationOpened"/>, so
    /// workflows that start only on a contact's own message leave it alone.
    /// </summary>
    public async Task<AdminResult<StartedConversation>> StartConversationAsync(InboxViewer agent, Guid contactId, Guid channelId, string text,
        ConversationSource source, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return Invalid("text", AdminError.FirstMessageMissing, "Write the first message.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Identities).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return ContactNotFound;
        if (contact.Identities.All(i => i.ChannelId != channelId)) return Invalid("channelId", AdminError.ContactNotOnChannel, "The contact has no identity on that channel.");
        var open = await db.Conversations.SingleOrDefaultAsync(c => c.ContactId == contactId && c.Status == ConversationStatus.Open, ct);
        if (open is not null) return Refused(AdminError.ContactHasOpenConversation, "{0} already has an open conversation ({1}): continue it in the inbox.", contact.Name, open.Id);
        Conversation conversation;
        Message message;
        try
        {
            conversation = Conversation.Open(contactId, channelId, source, Now);
            conversation.AssignTo(agent.AgentId, null, Now);
            message = conversation.Reply(AuthorKind.Agent, agent.AgentId, text.Trim(), Now);
        }
        catch (DomainException ex)
        {
            return Invalid("text", ex);
        }
        db.Conversations.Add(conversation);
        db.Messages.Add(message);
        try
        {
            await db.SaveAndPublishAsync(publisher, ct);
        }
        catch (DbUpdateException)
        {
            return Refused(AdminError.ContactHasOpenConversation, "{0} already has an open conversation: continue it in the inbox.", contact.Name);
        }
        return Done(new StartedConversation(conversation.Id, message.Id));
    }
}
