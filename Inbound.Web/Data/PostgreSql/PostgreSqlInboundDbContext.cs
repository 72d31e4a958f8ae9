using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inbound.Web.Data.PostgreSql;

/// <summary>
/// The same model on PostgreSQL. It exists as its own type so that PostgreSQL's migrations (Data/PostgreSqlMigrations,
/// tagged with this type) live beside SQLite's, as EF Core's "one context type per provider" pattern has it; the app
/// still asks for <see cref="InboundDbContext"/> everywhere and <see cref="InboundDbContextFactory"/> hands out this one.
/// </summary>
public sealed class PostgreSqlInboundDbContext(DbContextOptions<InboundDbContext> options) : InboundDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Every time in the model is UTC, stored as timestamp with time zone. Npgsql refuses a DateTime whose Kind is
        // not Utc there, while SQLite hands back Unspecified and stores whatever it is given: the domain's times are
        // marked UTC on their way in, so code written against SQLite keeps working unchanged.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
