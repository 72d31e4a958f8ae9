using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Data;

/// <summary>
/// A LIKE pattern for "contains, ignoring case" on either provider, matched against <c>column.ToLower()</c>. SQLite's
/// LIKE already ignores the case of ASCII letters and its lower() touches only those, so there the pattern stays as
/// typed and nothing changes; PostgreSQL's LIKE is case-sensitive, so there the pattern is lowered to meet lower(column).
/// Thai has no case, so a Thai term matches as written on both. The term is put in Unicode NFC, the form browsers and
/// the channels send: a Thai vowel below and a tone mark typed in the other order would otherwise miss the stored text.
/// </summary>
public static class ContainsPattern
{
    public static string For(InboundDbContext db, string text)
    {
        var pattern = $"%{Term(text).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
        return db.Database.IsNpgsql() ? pattern.ToLowerInvariant() : pattern;
    }

    /// <summary>The term as it is matched: trimmed and in NFC.</summary>
    public static string Term(string text) => text.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>The escape character <see cref="For"/> uses, for <c>EF.Functions.Like(…, pattern, Escape)</c>.</summary>
    public const string Escape = "\\";
}
