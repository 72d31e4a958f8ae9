namespace Inbound.Web.Data;

/// <summary>Which database engine holds the data. SQLite in the data folder is the embedded default.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>The <c>Database</c> section: the provider and, for PostgreSQL, its connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The PostgreSQL connection string (e.g. <c>Host=db;Database=inbound;Username=inbound;Password=…</c>). SQLite
    /// ignores it and keeps its file in the data folder (<c>Storage:ConnectionString</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSQL;
}
