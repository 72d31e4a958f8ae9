using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbound.Web.Data;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers work beside the one writer; synchronous=NORMAL is
/// safe against corruption in WAL mode and saves an fsync per commit; the busy timeout makes a writer
/// wait its turn instead of failing while another holds the lock.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}
