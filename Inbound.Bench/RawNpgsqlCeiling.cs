using System.Diagnostics;
using Inbound.Web.Data;
using Inbound.Web.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inbound.Bench;

/// <summary>
/// <see cref="RawSqliteCeiling"/> on PostgreSQL: the same rows ingestion writes, one transaction per message, written
/// with plain Npgsql on the app's PostgreSQL schema, no HTTP, no EF Core.
/// </summary>
public static class RawNpgsqlCeiling
{
    public static async Task<RawSqliteCeiling.Result> RunAsync(string server, int messages, int messagesPerContact)
    {
        var connectionString = BenchDatabase.Create(server);
        try
        {
            var options = new DbContextOptionsBuilder<InboundDbContext>();
            options.UsePostgreSql(connectionString);
            await using (var db = new PostgreSqlInboundDbContext(options.Options)) await db.Database.MigrateAsync();

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var channelId = Guid.NewGuid();
            await Execute(connection, null, "INSERT INTO \"Channels\" (\"Id\", \"Key\", \"Name\", \"Type\", \"Secret\", \"IsEnabled\") VALUES (@id, 'api', 'API', 'Api', 'demo-api-secret-change-me', true)", ("id", channelId));

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < messages; i++)
                await WriteOne(connection, channelId, $"m{i}", $"c{i / messagesPerContact}", $"Message number {i} from a contact");
            clock.Stop();
            return new RawSqliteCeiling.Result(messages, clock.Elapsed.TotalSeconds, messages / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            BenchDatabase.Drop(connectionString);
        }
    }

    private static async Task WriteOne(NpgsqlConnection connection, Guid channelId, string messageId, string externalId, string text)
    {
        var now = DateTime.UtcNow;
        await using var tx = await connection.BeginTransactionAsync();
        var duplicate = await Scalar(connection, tx, "SELECT \"Id\" FROM \"Messages\" WHERE \"ChannelId\" = @ch AND \"ExternalId\" = @m", ("ch", channelId), ("m", messageId));
        if (duplicate is not null) { await tx.CommitAsync(); return; }

        var contactId = (Guid?)await Scalar(connection, tx, "SELECT \"ContactId\" FROM \"ContactIdentities\" WHERE \"ChannelId\" = @ch AND \"ExternalId\" = @e", ("ch", channelId), ("e", externalId));
        if (contactId is null)
        {
            contactId = Guid.CreateVersion7();
            await Execute(connection, tx, "INSERT INTO \"Contacts\" (\"Id\", \"Name\", \"IsAnonymous\", \"CreatedAt\", \"FieldsJson\", \"TagsJson\") VALUES (@id, @n, false, @t, '{}', '[]')", ("id", contactId), ("n", externalId), ("t", now));
            await Execute(connection, tx, "INSERT INTO \"ContactIdentities\" (\"Id\", \"ContactId\", \"ChannelId\", \"ExternalId\") VALUES (@id, @c, @ch, @e)", ("id", Guid.CreateVersion7()), ("c", contactId), ("ch", channelId), ("e", externalId));
        }
        var conversationId = (Guid?)await Scalar(connection, tx, "SELECT \"Id\" FROM \"Conversations\" WHERE \"ContactId\" = @c AND \"Status\" = 'Open'", ("c", contactId));
        var id = Guid.CreateVersion7();
        if (conversationId is null)
        {
            conversationId = Guid.CreateVersion7();
            await Execute(connection, tx, "INSERT INTO \"Conversations\" (\"Id\", \"ContactId\", \"ChannelId\", \"Status\", \"Source\", \"OpenedAt\", \"LastActivityAt\", \"FirstMessageId\", \"Sequence\") VALUES (@id, @c, @ch, 'Open', 'Contact', @t, @t, @m, 0)",
                ("id", conversationId), ("c", contactId), ("ch", channelId), ("t", now), ("m", id));
        }
        await Execute(connection, tx, "INSERT INTO \"Messages\" (\"Id\", \"ConversationId\", \"ChannelId\", \"Direction\", \"AuthorKind\", \"AuthorId\", \"Body\", \"ExternalId\", \"DeliveryStatus\", \"CreatedAt\") VALUES (@id, @cv, @ch, 'Inbound', 'Contact', @c, @b, @m, 'Received', @t)",
            ("id", id), ("cv", conversationId), ("ch", channelId), ("c", contactId), ("b", text), ("m", messageId), ("t", now));
        await Execute(connection, tx, "UPDATE \"Conversations\" SET \"LastActivityAt\" = @t, \"Sequence\" = \"Sequence\" + 1 WHERE \"Id\" = @id", ("t", now), ("id", conversationId));
        await tx.CommitAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
