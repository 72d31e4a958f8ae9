using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Data;

/// <summary>
/// A LIKE pattern for "contains, ignoring case" on either provider, matched against <c>column.ToLower()</c>. SQLite's
/// LIKE already ignores the case of ASCII letters and its lower() touches only those, so there the pattern stays as
/// typed and nothing changes; PostgreSQL's LIKE is case-sensitive, so there the pattern is lowered to meet lower(column).
/// </summary>
public static class ContainsPattern
{
    public static string For(InboundDbContext db, string text)
    {
        var pattern = $"%{text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
        return db.Database.IsNpgsql() ? pattern.ToLowerInvariant() : pattern;
    }

    /// <summary>The escape character <see cref="For"/> uses, for <c>EF.Functions.Like(…, pattern, Escape)</c>.</summary>
    public const string Escape = "\\";
}
