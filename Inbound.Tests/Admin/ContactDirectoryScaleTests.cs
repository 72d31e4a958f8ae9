using Inbound.Web.Contacts;
using Inbound.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Admin;

/// <summary>The contacts list with 100,000 contacts, as a business that moved in has them.</summary>
// About SQLite's query plan, seeded through a SqliteConnection: not part of the PostgreSQL pass (scripts/test.sh).
[Trait("Category", "SqliteOnly")]
public class ContactDirectoryScaleTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private const int ContactCount = 100_000;

    [Fact]
    public async Task At_100000_contacts_a_page_deep_in_the_list_walks_the_name_index_and_search_finds_a_field_value()
    {
        await SeedContactsAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();

        var sql = ContactDirectory.PageQuery(db, new ContactQuery(), page: 1_000, size: 50).ToQueryString();
        var plan = await ExplainAsync(db, sql);
        var directory = app.Services.GetRequiredService<ContactDirectory>();
        var deep = await directory.SearchAsync(new ContactQuery(Page: 1_000, PageSize: 50));
        var found = await directory.SearchAsync(new ContactQuery(Search: "acme-77777"));

        Assert.Contains("IX_Contacts_Name_Id", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.True(deep.Total >= ContactCount);
        Assert.Equal(50, deep.Items.Count);
        Assert.Equal(deep.Items.Select(c => c.Name).Order(Comparer<string>.Create(Inbound.Web.Data.ThaiCollation.Compare)), deep.Items.Select(c => c.Name));
        Assert.Equal("Contact 077777", Assert.Single(found.Items).Name);
    }

    private async Task SeedContactsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        // Opened through EF so the interceptor registers the THAI collation the name index needs.
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Contacts (Id, Name, IsAnonymous, Phone, Email, CreatedAt, FieldsJson, TagsJson) VALUES ($id, $name, 0, NULL, NULL, '2026-01-01 00:00:00', $fields, '[]')";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var fields = insert.Parameters.Add("$fields", SqliteType.Text);
        for (var i = 0; i < ContactCount; i++)
        {
            id.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            name.Value = $"Contact {i:D6}";
            fields.Value = $"{{\"Company\":\"acme-{i}\"}}";
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task<string> ExplainAsync(InboundDbContext db, string sql)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString declares its parameters with .param set; EXPLAIN takes the query with values inlined.
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            command.Parameters.AddWithValue(parts[0], parts[1].Trim().Trim('\''));
        }
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return string.Join(" | ", plan);
    }
}
