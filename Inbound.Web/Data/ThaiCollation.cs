using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Inbound.Web.Data;

/// <summary>
/// Contact names sorted as a Thai reader expects: ICU's Thai collation skips the leading vowels เ แ โ ใ ไ, so "เกม"
/// sorts under ก, before "ขนม" (ordinal order puts every name starting with เ after ฮ). English names keep their
/// usual order. SQLite has no ICU, so the comparison is .NET's (ICU-backed on Linux; invariant globalization would
/// make it ordinal, which <c>ThaiSortTests</c> would catch); PostgreSQL uses its own ICU collation of the same name.
/// </summary>
public static class ThaiCollation
{
    public const string Sqlite = "THAI";
    public const string PostgreSql = "th-TH-x-icu";

    private static readonly CompareInfo Thai = CultureInfo.GetCultureInfo("th-TH").CompareInfo;

    /// <summary>
    /// A total order for SQLite's index: names ICU calls equal (differing only in ignorable characters) fall back to
    /// ordinal order, so the index never holds two "equal" keys that are different strings.
    /// </summary>
    public static int Compare(string? a, string? b)
    {
        var order = Thai.Compare(a, b, CompareOptions.None);
        return order != 0 ? order : string.CompareOrdinal(a, b);
    }

    /// <summary>Registers the collation on a SQLite connection; every connection that touches the name index needs it.</summary>
    public static void Register(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite) sqlite.CreateCollation(Sqlite, Compare);
    }
}
