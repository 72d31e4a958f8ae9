using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inbound.Web.Data.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context PostgreSqlInboundDbContext</c> build the PostgreSQL model without a
/// server: adding a migration and checking for pending model changes never connect.
/// </summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlInboundDbContext>
{
    public PostgreSqlInboundDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<InboundDbContext>();
        options.UsePostgreSql("Host=localhost;Database=inbound_design");
        return new PostgreSqlInboundDbContext(options.Options);
    }
}
