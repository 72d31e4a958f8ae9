using System.Data.Common;
using System.Text;
using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inbound.Web.Ingestion;

/// <summary>
/// Inserts new messages with one multi-row INSERT per chunk instead of SaveChanges' one command per row, which is
/// most of an ingestion batch's write time on SQLite. Table, columns and parameter storage (Guid, enum, DateTime)
/// come from EF's model and type mappings, so the mapping stays the one description of a message row. It runs in
/// the context's current transaction; a refused row (a duplicate message id) surfaces as a
/// <see cref="DbUpdateException"/>, as it would from SaveChanges.
/// </summary>
internal static class MessageRowsInsert
{
    // Microsoft.Data.Sqlite matches each of a statement's parameters to the command's by name, which grows with the
    // square of their number: past a couple of hundred, binding costs more than the rows it saves.
    private const int MaxParametersPerStatement = 200;

    public static async Task InsertAsync(InboundDbContext db, IReadOnlyList<Message> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0) return;
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Message rows are inserted inside the batch's transaction.");

        var entityType = db.Model.FindEntityType(typeof(Message))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => new Column(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        var rowsPerStatement = Math.Max(1, MaxParametersPerStatement / columns.Count);

        // Full chunks share one command text, so the provider prepares the statement once and rebinds it.
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        if (db.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
        foreach (var chunk in messages.Chunk(rowsPerStatement))
        {
            var text = new StringBuilder(head);
            command.Parameters.Clear();
            var index = 0;
            for (var row = 0; row < chunk.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var col = 0; col < columns.Count; col++, index++)
                {
                    var column = columns[col];
                    var name = "p" + index;
                    if (col > 0) text.Append(", ");
                    text.Append(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(column.Mapping.CreateParameter(command, sql.GenerateParameterName(name), column.Getter.GetClrValue(chunk[row]), column.Nullable));
                }
                text.Append(')');
            }
            var commandText = text.Append(';').ToString();
            if (command.CommandText != commandText) command.CommandText = commandText;
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                throw new DbUpdateException("An error occurred while inserting the batch's message rows.", ex);
            }
        }
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);
}
