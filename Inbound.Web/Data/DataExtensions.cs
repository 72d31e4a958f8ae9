using Inbound.Web.Data.PostgreSql;
using Inbound.Web.Data.Seeding;
using Inbound.Web.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Data;

public static class DataExtensions
{
    public static IHostApplicationBuilder AddInboundData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(d => !d.IsPostgreSql || !string.IsNullOrWhiteSpace(d.ConnectionString), "Database:ConnectionString is required for PostgreSQL.")
            .ValidateOnStart();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton<SqlitePragmas>();
        // PostgreSQL has row locks and many writers: the gate, SQLite's one-writer queue, lets everyone through there.
        builder.Services.AddSingleton(new SqliteWriteGate { PassesEveryone = database.IsPostgreSql });
        builder.Services.AddDbContextFactory<InboundDbContext, InboundDbContextFactory>((services, options) =>
        {
            if (database.IsPostgreSql)
                options.UsePostgreSql(database.ConnectionString!);
            else
                options.UseSqlite(services.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveConnectionString())
                    .AddInterceptors(services.GetRequiredService<SqlitePragmas>(), services.GetRequiredService<SqliteWriteGate>());
            // Features' own interceptors, such as the outbox's writer that queues every outbound message.
            options.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        builder.Services.AddScoped<DemoSeeder>();

        // Cookie and antiforgery keys live with the data, so sign-ins survive a restart.
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddDataProtection()
            .SetApplicationName("Inbound")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(storage.DataFolder), "keys")));
        return builder;
    }

    /// <summary>Applies pending migrations, then seeds the demo data once when seeding is on.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}
