using Inbound.Domain.Contacts;
using Inbound.Domain.SeedWork;
using Inbound.Domain.Texts;
using Inbound.Web.Admin;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Inbound.Web.Admin.AdminResults;

namespace Inbound.Web.Contacts;

public sealed record ContactFieldInput(string? Key, string? Label, ContactFieldType Type, IReadOnlyList<string>? Choices);

/// <summary>The custom contact fields admins define; the designer's field pickers and contact edits read them.</summary>
public sealed class ContactFields(IDbContextFactory<InboundDbContext> dbFactory, IAuditLog audit)
{
    public async Task<IReadOnlyList<ContactFieldDefinition>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContactFieldDefinitions.AsNoTracking().OrderBy(f => f.Key).ToListAsync(ct);
    }

    public async Task<AdminResult<ContactFieldDefinition>> SaveAsync(Actor actor, ContactFieldInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = (input.Key ?? "").Trim();
        var field = await db.ContactFieldDefinitions.SingleOrDefaultAsync(f => f.Key == key, ct);
        try
        {
            if (field is null) db.ContactFieldDefinitions.Add(field = new ContactFieldDefinition(key, input.Label ?? "", input.Type, input.Choices));
            else field.Update(input.Label ?? "", input.Type, input.Choices);
        }
        catch (DomainException ex)
        {
            var where = ex.Said?.Code switch
            {
                PhraseCode.ContactFieldKeyInvalid => "key",
                PhraseCode.ContactFieldChoicesMissing => "choices",
                _ => "type",
            };
            return Invalid(where, ex);
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "contact-field.saved", field.Key, $"{field.Type}{(field.Choices.Count > 0 ? ": " + string.Join(", ", field.Choices) : "")}", ct);
        return Done(field);
    }

    public async Task<AdminResult<bool>> DeleteAsync(Actor actor, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var field = await db.ContactFieldDefinitions.SingleOrDefaultAsync(f => f.Key == key, ct);
        if (field is null) return NotFound("contact field");
        db.ContactFieldDefinitions.Remove(field);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "contact-field.deleted", field.Key, "Values stay on contacts as text.", ct);
        return Done(true);
    }
}
