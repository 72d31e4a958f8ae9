using System.Diagnostics;
using Inbound.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Bench;

/// <summary>
/// The raw limit: the same rows ingestion writes (idempotency lookup, contact + identity on first contact,
/// open-conversation lookup, conversation on open, message, conversation touch) written with plain
/// Microsoft.Data.Sqlite on the same schema and pragmas, one transaction per message, no HTTP, no EF Core.
/// </summary>
public static class RawSqliteCeiling
{
    public sealed record Result(int Messages, double Seconds, double PerSecond);

    public static async Task<Result> RunAsync(int messages, int messagesPerContact)
    {
        var folder = Path.Combine(Path.GetTempPath(), "inbound-bench", "raw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = $"Data Source={folder}/raw.db";
        try
        {
            await using (var db = new InboundDbContext(new DbContextOptionsBuilder<InboundDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()).Options))
                await db.Database.MigrateAsync();

            await using var connection = new SqliteConnection(connectionString);
            // The contacts' name index is in Thai order: a connection that writes contacts needs the collation, as the app's do.
            ThaiCollation.Register(connection);
            await connection.OpenAsync();
            await Execute(connection, null, SqlitePragmas.Sql);
            var channelId = Guid.NewGuid().ToString().ToUpperInvariant();
            await Execute(connection, null, "INSERT INTO Channels (Id, Key, Name, Type, Secret) VALUES ($id, 'api', 'API', 'Api', 'demo-api-secret-change-me')", ("$id", channelId));

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < messages; i++)
                await WriteOne(connection, channelId, $"m{i}", $"c{i / messagesPerContact}", $"Message number {i} from a contact");
            clock.Stop();
            return new Result(messages, clock.Elapsed.TotalSeconds, messages / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task WriteOne(SqliteConnection connection, string channelId, string messageId, string externalId, string text)
    {
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var duplicate = await Scalar(connection, tx, "SELECT Id FROM Messages WHERE ChannelId = $ch AND ExternalId = $m", ("$ch", channelId), ("$m", messageId));
        if (duplicate is not null) { await tx.CommitAsync(); return; }

        var contactId = (string?)await Scalar(connection, tx, "SELECT ContactId FROM ContactIdentities WHERE ChannelId = $ch AND ExternalId = $e", ("$ch", channelId), ("$e", externalId));
        if (contactId is null)
        {
            contactId = NewId();
            await Execute(connection, tx, "INSERT INTO Contacts (Id, Name, CreatedAt, FieldsJson, TagsJson) VALUES ($id, $n, $t, '{}', '[]')", ("$id", contactId), ("$n", externalId), ("$t", now));
            await Execute(connection, tx, "INSERT INTO ContactIdentities (Id, ContactId, ChannelId, ExternalId) VALUES ($id, $c, $ch, $e)", ("$id", NewId()), ("$c", contactId), ("$ch", channelId), ("$e", externalId));
        }
        var conversationId = (string?)await Scalar(connection, tx, "SELECT Id FROM Conversations WHERE ContactId = $c AND Status = 'Open'", ("$c", contactId));
        var id = NewId();
        if (conversationId is null)
        {
            conversationId = NewId();
            await Execute(connection, tx, "INSERT INTO Conversations (Id, ContactId, ChannelId, Status, Source, OpenedAt, LastActivityAt, FirstMessageId, Sequence) VALUES ($id, $c, $ch, 'Open', 'Contact', $t, $t, $m, 0)",
                ("$id", conversationId), ("$c", contactId), ("$ch", channelId), ("$t", now), ("$m", id));
        }
        await Execute(connection, tx, "INSERT INTO Messages (Id, ConversationId, ChannelId, Direction, AuthorKind, AuthorId, Body, ExternalId, DeliveryStatus, CreatedAt) VALUES ($id, $cv, $ch, 'Inbound', 'Contact', $c, $b, $m, 'Received', $t)",
            ("$id", id), ("$cv", conversationId), ("$ch", channelId), ("$c", contactId), ("$b", text), ("$m", messageId), ("$t", now));
        await Execute(connection, tx, "UPDATE Conversations SET LastActivityAt = $t, Sequence = Sequence + 1 WHERE Id = $id", ("$t", now), ("$id", conversationId));
        await tx.CommitAsync();
    }

    private static string NewId() => Guid.CreateVersion7().ToString().ToUpperInvariant();

    private static async Task<object?> Scalar(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string, object)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? tx, string sql, params (string, object)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
