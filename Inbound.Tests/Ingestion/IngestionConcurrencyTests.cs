using Inbound.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Ingestion;

public class IngestionConcurrencyTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    [Fact]
    public async Task A_hundred_concurrent_messages_from_one_new_contact_make_one_open_conversation_holding_all()
    {
        var channel = new ChannelClient(app.CreateHttpClient());
        var contact = $"burst-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => channel.SendOkAsync($"{contact}-m{i}", contact, $"message {i}")));

        Assert.Single(answers.Select(a => a.ConversationId).Distinct());
        Assert.Equal(1, answers.Count(a => a.Opened));
        var (open, messages) = await app.QueryAsync(async db =>
        {
            var contactId = await db.ContactIdentities.Where(i => i.ExternalId == contact).Select(i => i.ContactId).SingleAsync();
            var openIds = await db.Conversations.Where(c => c.ContactId == contactId && c.Status == ConversationStatus.Open).Select(c => c.Id).ToListAsync();
            var count = await db.Messages.CountAsync(m => openIds.Contains(m.ConversationId));
            return (openIds.Count, count);
        });
        Assert.Equal(1, open);
        Assert.Equal(100, messages);
    }

    [Fact]
    public async Task Twenty_contacts_sending_twenty_messages_at_once_make_twenty_open_conversations()
    {
        var channel = new ChannelClient(app.CreateHttpClient());
        var run = Guid.NewGuid().ToString("N");
        var contacts = Enumerable.Range(0, 20).Select(c => $"crowd-{run}-{c}").ToList();

        var answers = await Task.WhenAll(contacts.SelectMany(contact =>
            Enumerable.Range(0, 20).Select(i => channel.SendOkAsync($"{contact}-m{i}", contact, $"message {i}"))));

        Assert.Equal(20, answers.Select(a => a.ConversationId).Distinct().Count());
        Assert.Equal(20, answers.Count(a => a.Opened));
        var perConversation = await app.QueryAsync(async db =>
        {
            var contactIds = await db.ContactIdentities.Where(i => contacts.Contains(i.ExternalId)).Select(i => i.ContactId).ToListAsync();
            return await db.Conversations
                .Where(c => contactIds.Contains(c.ContactId) && c.Status == ConversationStatus.Open)
                .Select(c => db.Messages.Count(m => m.ConversationId == c.Id))
                .ToListAsync();
        });
        Assert.Equal(20, perConversation.Count);
        Assert.All(perConversation, count => Assert.Equal(20, count));
    }
}
