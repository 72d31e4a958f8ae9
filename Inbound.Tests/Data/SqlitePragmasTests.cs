using Inbound.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Data;

/// <summary>The settings the app relies on (WAL, no fsync per commit, a busy timeout, foreign keys) hold on every connection.</summary>
// About SQLite's own connection settings: not part of the PostgreSQL pass (scripts/test.sh).
[Trait("Category", "SqliteOnly")]
public class SqlitePragmasTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    [Fact]
    public async Task A_connection_the_pool_hands_out_again_keeps_its_settings()
    {
        for (var i = 0; i < 3; i++) Assert.Equal(Expected, await SettingsAsync());
    }

    [Fact]
    public async Task A_new_native_connection_gets_the_settings_when_it_is_first_opened()
    {
        SqliteConnection.ClearAllPools();

        Assert.Equal(Expected, await SettingsAsync());
    }

    private static readonly (string, long, long, long) Expected = ("wal", 1, 10_000, 1);

    private async Task<(string JournalMode, long Synchronous, long BusyTimeout, long ForeignKeys)> SettingsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        async Task<object> Pragma(string name)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return (await command.ExecuteScalarAsync())!;
        }
        return ((string)await Pragma("journal_mode"), (long)await Pragma("synchronous"), (long)await Pragma("busy_timeout"), (long)await Pragma("foreign_keys"));
    }
}
