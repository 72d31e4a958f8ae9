using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Infrastructure;

/// <summary>Every table's row count and a hash of all its rows: two equal fingerprints mean nothing in the database changed.</summary>
public static class DatabaseFingerprint
{
    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(InboundApp app) => app.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.IsPostgreSql
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var fingerprint = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables) fingerprint[table] = await TableAsync(connection, table);
        return (IReadOnlyDictionary<string, string>)fingerprint;
    });

    private static string Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? "∅" : reader.GetValue(column) switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static async Task<string> TableAsync(DbConnection connection, string table)
    {
        await using var select = connection.CreateCommand();
        // A row's physical place (ctid on PostgreSQL) stays put unless the row is written.
        select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {(TestDatabase.IsPostgreSql ? "ctid" : "rowid")}";
        await using var reader = await select.ExecuteReaderAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
                hash.AppendData(Encoding.UTF8.GetBytes(Text(reader, i) + "\u001f"));
            hash.AppendData("\u001e"u8);
        }
        return $"{rows} rows · {Convert.ToHexString(hash.GetHashAndReset())}";
    }
}
