using Inbound.Domain.Conversations;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Ingestion;

/// <summary>Two app nodes writing one database: the rule holds across writers, not only inside one process.</summary>
public class TwoNodeIngestionTests : IAsyncLifetime
{
    private readonly InboundApp _first = new NoWorkflowsApp();
    private InboundApp _second = null!;

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = InboundApp.SecondNodeOf(_first);
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await ((IAsyncLifetime)_first).DisposeAsync();
    }

    [Fact]
    public async Task Messages_from_one_new_contact_sent_to_two_nodes_at_once_make_one_open_conversation()
    {
        var a = new ChannelClient(_first.CreateHttpClient());
        var b = new ChannelClient(_second.CreateHttpClient());
        var contact = $"two-nodes-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            (i % 2 == 0 ? a : b).SendOkAsync($"{contact}-m{i}", contact, $"message {i}")));

        Assert.Single(answers.Select(x => x.ConversationId).Distinct());
        Assert.Equal(1, answers.Count(x => x.Opened));
        var stored = await _first.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == answers[0].ConversationId));
        Assert.Equal(60, stored);
    }

    [Fact]
    public async Task Many_concurrent_messages_from_one_contact_leave_exactly_one_open_conversation_in_the_database()
    {
        var nodes = new[] { new ChannelClient(_first.CreateHttpClient()), new ChannelClient(_second.CreateHttpClient()) };
        var contact = $"burst-{Guid.NewGuid():N}";

        // Each node batches its share, so the two nodes' transactions race to open the contact's first conversation.
        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => nodes[i % 2].SendOkAsync($"{contact}-m{i}", contact, $"message {i}")));

        var open = await _first.QueryAsync(db => db.Conversations
            .Where(c => c.Status == ConversationStatus.Open && db.ContactIdentities.Any(i => i.ContactId == c.ContactId && i.ExternalId == contact))
            .Select(c => new { c.Id, Messages = db.Messages.Count(m => m.ConversationId == c.Id) })
            .ToListAsync());
        Assert.Equal(120, Assert.Single(open).Messages);
    }

    [Fact]
    public async Task The_same_messages_sent_to_two_nodes_at_once_are_stored_once_and_answered_alike()
    {
        var a = new ChannelClient(_first.CreateHttpClient());
        var b = new ChannelClient(_second.CreateHttpClient());
        var contact = $"two-nodes-dup-{Guid.NewGuid():N}";
        var opened = await a.SendOkAsync($"{contact}-first", contact, "first");
        var ids = Enumerable.Range(0, 40).Select(i => $"{contact}-m{i}").ToList();

        // Both nodes read the conversation before either commits, so one node's message insert meets the other's rows.
        var answers = await Task.WhenAll(ids.Select(id => Task.WhenAll(a.SendOkAsync(id, contact, id), b.SendOkAsync(id, contact, id))));

        Assert.All(answers, pair => Assert.Equal(pair[0], pair[1]));
        Assert.All(answers, pair => Assert.Equal(opened.ConversationId, pair[0].ConversationId));
        var stored = await _first.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == opened.ConversationId));
        Assert.Equal(41, stored);
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_conversation_for_a_contact()
    {
        var factory = _first.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>();
        var contact = await new ChannelClient(_first.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "Hi");
        var (contactId, channelId) = await _first.QueryAsync(db =>
            db.Conversations.Where(c => c.Id == contact.ConversationId).Select(c => new ValueTuple<Guid, Guid>(c.ContactId, c.ChannelId)).SingleAsync());

        // A writer that skipped the domain check (or raced past it) still cannot store a second open conversation.
        await using var db = await factory.CreateDbContextAsync();
        db.Conversations.Add(Conversation.Open(contactId, channelId, ConversationSource.Api, DateTime.UtcNow));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        // SQLite says "UNIQUE constraint failed", PostgreSQL "23505: duplicate key value violates unique constraint".
        Assert.Contains("unique", error.InnerException?.Message, StringComparison.OrdinalIgnoreCase);
    }
}
