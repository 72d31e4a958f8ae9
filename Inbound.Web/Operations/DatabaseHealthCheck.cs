using Inbound.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inbound.Web.Operations;

/// <summary>
/// Whether the database answers a real query now, whichever the provider. EF Core's own CanConnect is not enough:
/// on SQLite it only asks whether the file exists, and a pooled connection keeps a file that was taken away open,
/// so on SQLite the check opens the file afresh (unpooled, never creating it) and reads its schema; other providers
/// run a round trip on a connection from their pool, which fails once the server is gone.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<InboundDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (db.Database.IsSqlite()) await ReadSqliteSchemaAsync(db.Database.GetConnectionString()!, cancellationToken);
            else await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy("The database answers");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The reason goes to the log (the health service logs the exception), not to the unauthenticated response.
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer", ex);
        }
    }

    private static async Task ReadSqliteSchemaAsync(string connectionString, CancellationToken cancellationToken)
    {
        var settings = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        // A probe must never create an empty database where the real one went missing.
        if (settings.Mode == SqliteOpenMode.ReadWriteCreate) settings.Mode = SqliteOpenMode.ReadWrite;
        await using var connection = new SqliteConnection(settings.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
