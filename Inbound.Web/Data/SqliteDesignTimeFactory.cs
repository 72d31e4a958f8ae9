using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inbound.Web.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context InboundDbContext</c> build SQLite's model: without it the tools pick
/// the PostgreSQL subclass (whose design-time factory they find) for the base name too. Never opens the file.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<InboundDbContext>
{
    public InboundDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InboundDbContext>().UseSqlite("Data Source=inbound-design.db").Options);
}
