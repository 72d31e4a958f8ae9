using Npgsql;

namespace Inbound.Bench;

/// <summary>Fresh PostgreSQL databases for the benchmark's app runs; the app migrates them at start as in production.</summary>
public static class BenchDatabase
{
    /// <summary>Creates an empty database and returns the connection string that names it.</summary>
    public static string Create(string server)
    {
        var name = $"inbound_bench_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static void Drop(string connectionString)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute(connectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
