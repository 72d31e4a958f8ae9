using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Inbound.Web.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Ingestion;

/// <summary>The multi-row message insert must store rows exactly as EF would, and refuse duplicates the same way.</summary>
public class MessageRowsInsertTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private async Task<Conversation> OpenConversationAsync()
    {
        var answer = await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "Hi");
        return await app.QueryAsync(db => db.Conversations.SingleAsync(c => c.Id == answer.ConversationId));
    }

    [Fact]
    public async Task Rows_inserted_in_one_statement_are_found_by_the_same_queries_as_rows_ef_saved()
    {
        var conversation = await OpenConversationAsync();
        var now = new DateTime(2026, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc).AddTicks(2345);
        var messages = Enumerable.Range(0, 3).Select(i => conversation.ReceiveFromContact($"row {i}", $"bulk-{Guid.NewGuid():N}", now)).ToList();

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await MessageRowsInsert.InsertAsync(db, messages, CancellationToken.None);
            await transaction.CommitAsync();
        }

        // Equality on Guid, enum and DateTime columns only matches when the stored text is EF's own format.
        foreach (var sent in messages)
        {
            var stored = await app.QueryAsync(db => db.Messages.SingleAsync(m =>
                m.Id == sent.Id && m.ConversationId == conversation.Id && m.ChannelId == conversation.ChannelId &&
                m.Direction == MessageDirection.Inbound && m.AuthorKind == sent.AuthorKind && m.CreatedAt == sent.CreatedAt &&
                m.DeliveryStatus == sent.DeliveryStatus && m.AuthorId == sent.AuthorId));
            Assert.Equal(sent.Body, stored.Body);
            Assert.Equal(sent.ExternalId, stored.ExternalId);
        }
    }

    [Fact]
    public async Task A_message_id_already_stored_is_refused_as_an_update_error_and_stores_nothing_of_the_statement()
    {
        var conversation = await OpenConversationAsync();
        var now = DateTime.UtcNow;
        var existing = await app.QueryAsync(db => db.Messages.Where(m => m.ConversationId == conversation.Id).Select(m => m.ExternalId!).SingleAsync());
        var fresh = conversation.ReceiveFromContact("new", $"fresh-{Guid.NewGuid():N}", now);
        var duplicate = conversation.ReceiveFromContact("again", existing, now);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsAsync<DbUpdateException>(() => MessageRowsInsert.InsertAsync(db, [fresh, duplicate], CancellationToken.None));
        }

        Assert.Equal(1, await app.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == conversation.Id)));
    }
}
