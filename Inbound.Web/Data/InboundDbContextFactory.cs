using Inbound.Web.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Data;

/// <summary>
/// Hands out the context of the configured provider: on PostgreSQL the subtype whose migrations are PostgreSQL's,
/// so that <c>Database.MigrateAsync()</c> applies the right set.
/// </summary>
internal sealed class InboundDbContextFactory(DbContextOptions<InboundDbContext> options, IOptions<DatabaseOptions> database)
    : IDbContextFactory<InboundDbContext>
{
    private readonly bool _postgreSql = database.Value.IsPostgreSql;

    public InboundDbContext CreateDbContext() => _postgreSql ? new PostgreSqlInboundDbContext(options) : new InboundDbContext(options);
}
