using Inbound.Web.Data;
using Inbound.Web.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Data;

/// <summary>
/// Each provider's migrations build exactly the model the code has: a model change without its migration on either
/// provider would leave that database short of a column the app reads. No server is needed to compare them.
/// </summary>
public class MigrationsMatchModelTests
{
    [Fact]
    public void SQLite_migrations_match_the_model()
    {
        using var db = new InboundDbContext(new DbContextOptionsBuilder<InboundDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration (dotnet ef migrations add … --context InboundDbContext).");
    }

    [Fact]
    public void PostgreSQL_migrations_match_the_model()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration (dotnet ef migrations add … --context PostgreSqlInboundDbContext).");
    }
}
