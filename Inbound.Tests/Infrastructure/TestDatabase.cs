using System.Security.Cryptography;
using System.Text;
using Inbound.Web.Data;
using Inbound.Web.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inbound.Tests.Infrastructure;

/// <summary>
/// Where a test app keeps its data: a SQLite file in its data folder, or, when INBOUND_TEST_DATABASE=postgres
/// (scripts/test.sh's second pass), a database of its own on the cluster INBOUND_TEST_POSTGRES names. The database is
/// named after the data folder, so a second node or a restart on the same folder finds the same data, as with SQLite.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable("INBOUND_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static string? _template;

    private static string Server => Environment.GetEnvironmentVariable("INBOUND_TEST_POSTGRES")
        ?? throw new InvalidOperationException("INBOUND_TEST_DATABASE=postgres needs INBOUND_TEST_POSTGRES (scripts/test.sh sets both).");

    /// <summary>The settings that point an app at its database; none for SQLite, whose file follows Storage:DataFolder.</summary>
    public static IEnumerable<KeyValuePair<string, string>> SettingsFor(string dataFolder)
    {
        if (!IsPostgreSql) yield break;
        yield return new("Database:Provider", nameof(DatabaseProvider.PostgreSQL));
        yield return new("Database:ConnectionString", ConnectionString(NameFor(dataFolder)));
    }

    /// <summary>Creates the data folder's database unless it exists, as a copy of a migrated template (much faster than migrating each).</summary>
    public static void EnsureCreated(string dataFolder)
    {
        if (!IsPostgreSql) return;
        Creating.Wait();
        try
        {
            _template ??= CreateTemplate();
            var name = NameFor(dataFolder);
            using var connection = Open(ConnectionString("postgres"));
            if (Scalar(connection, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'") is 0L)
                Execute(connection, $"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"");
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>Drops the data folder's database, with any connection a stopped app left in the pool.</summary>
    public static void Drop(string dataFolder)
    {
        if (!IsPostgreSql) return;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(NameFor(dataFolder))));
        using var connection = Open(ConnectionString("postgres"));
        try
        {
            Execute(connection, $"DROP DATABASE IF EXISTS \"{NameFor(dataFolder)}\" WITH (FORCE)");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // A server process of another role (a background worker) still holds it. The cluster is thrown away after
            // the run, so a database left behind costs nothing; failing the test for it would report a false problem.
        }
    }

    private static string CreateTemplate()
    {
        var name = $"inbound_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..50];
        using (var connection = Open(ConnectionString("postgres")))
            Execute(connection, $"CREATE DATABASE \"{name}\"");
        var options = new DbContextOptionsBuilder<InboundDbContext>();
        options.UsePostgreSql(ConnectionString(name));
        using (var db = new PostgreSqlInboundDbContext(options.Options)) db.Database.Migrate();
        // A template must have no open connections while it is copied: none may wait in the pool.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        return name;
    }

    private static string NameFor(string dataFolder) =>
        "inbound_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataFolder))))[..24];

    private static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    private static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static object? Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
