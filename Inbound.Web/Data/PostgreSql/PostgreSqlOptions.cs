using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Data.PostgreSql;

public static class PostgreSqlOptions
{
    /// <summary>The Npgsql provider as the app, the design-time tools and the benchmark configure it.</summary>
    public static DbContextOptionsBuilder UsePostgreSql(this DbContextOptionsBuilder options, string connectionString)
    {
        options.UseNpgsql(connectionString);
        return options;
    }
}
