using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Workflows.Designer;

public sealed record Choice<T>(T Value, string Name);

/// <summary>What the settings panels offer to choose from, as the database has it now.</summary>
public sealed record DesignerChoices(
    IReadOnlyList<Choice<Guid>> Teams,
    IReadOnlyList<Choice<Guid>> Agents,
    IReadOnlyList<Choice<string>> Channels,
    IReadOnlyList<string> ContactFields)
{
    public static readonly DesignerChoices Empty = new([], [], [], []);
}

/// <summary>Loads the designer's choices: teams, agents, channels, and the contact fields defined, usual or in use.</summary>
public sealed class DesignerChoicesQuery(IDbContextFactory<InboundDbContext> dbFactory)
{
    /// <summary>Fields worth offering before any contact has them.</summary>
    public static readonly string[] UsualFields = ["Topic", "Email", "Phone", "Company", "Plan", "Language"];

    // Reading every contact's fields would grow with the contact base; a recent sample finds the fields in use.
    private const int ContactSample = 500;

    public async Task<DesignerChoices> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice<Guid>(t.Id, t.Name)).ToListAsync(ct);
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name).Select(a => new Choice<Guid>(a.Id, a.Name)).ToListAsync(ct);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice<string>(c.Key, c.Name)).ToListAsync(ct);
        var fieldSets = await db.Contacts.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(ContactSample).Select(c => c.Fields).ToListAsync(ct);
        // The fields admins defined come first, then the usual ones and those contacts already have.
        var defined = await db.ContactFieldDefinitions.AsNoTracking().Select(f => f.Key).ToListAsync(ct);
        var fields = defined.Concat(UsualFields).Concat(fieldSets.SelectMany(f => f.Keys))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return new DesignerChoices(teams, agents, channels, fields);
    }
}
