using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbound.Web.Data;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers work beside the one writer; synchronous=NORMAL is
/// safe against corruption in WAL mode and saves an fsync per commit; the busy timeout makes a writer
/// wait its turn instead of failing while another holds the lock. Each connection also gets the THAI collation, which
/// the contact-name index and the contacts list's order use (see <see cref="ThaiCollation"/>).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    // EF opens and closes the connection around every query, and the pool hands back the same native connection, which
    // keeps its settings: applying them once per native connection saves four statements on every query.
    private readonly ConditionalWeakTable<object, object> _applied = new();

    // Registered when EF creates the connection, before any open: Microsoft.Data.Sqlite keeps it and applies it on each
    // open, so writers that open the DbConnection themselves (the batch writers) have it too.
    public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        ThaiCollation.Register(result);
        return result;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _applied.TryAdd(handle, handle);
}
