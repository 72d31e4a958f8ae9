using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Workflows;

/// <summary>Conversations that opened while the engine never heard of them still get their workflows, once.</summary>
public class MissedStartTests
{
    /// <summary>A conversation stored as ingestion stores it, whose opening event never reaches the engine: the app stops right after.</summary>
    private static async Task<(string DataFolder, Guid ConversationId)> StoreWithoutTheEngineAsync()
    {
        await using var before = new InboundApp();
        await ((IAsyncLifetime)before).InitializeAsync();
        await using var db = await before.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        // The app's clock (tests run it at office hours), not the machine's: the engine finds what opened before its now.
        var now = before.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var channelId = await db.Channels.Where(c => c.Key == InboundApp.WebChatChannelKey).Select(c => c.Id).SingleAsync();
        var contact = Contact.FromChannel(channelId, $"contact-{Guid.NewGuid():N}", "Missed", null, null, now);
        var conversation = Conversation.Open(contact.Id, channelId, ConversationSource.Contact, now);
        db.Contacts.Add(contact);
        db.Conversations.Add(conversation);
        db.Messages.Add(conversation.ReceiveFromContact("Hi", $"m-{Guid.NewGuid():N}", now));
        await db.SaveChangesAsync();
        return (before.DataFolder, conversation.Id);
    }

    [Fact]
    public async Task A_conversation_stored_just_before_the_app_stopped_gets_its_question_on_the_next_start_and_only_once()
    {
        var (dataFolder, conversationId) = await StoreWithoutTheEngineAsync();

        // Disposed as a host only, so that the data folder stays for the next start.
        await using (var after = InboundApp.OnDataFolder(dataFolder))
        {
            await ((IAsyncLifetime)after).InitializeAsync();
            var question = await after.WorkflowMessageAsync(conversationId, InboundConversationsTemplate.Question);
            Assert.Contains(InboundConversationsTemplate.Question, question);
        }

        // A second restart finds the run and starts nothing again.
        var again = InboundApp.OnDataFolder(dataFolder);
        await ((IAsyncLifetime)again).InitializeAsync();
        try
        {
            var other = await new ChannelClient(again.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hi");
            // The engine has worked through its start by the time it asks the next conversation's question.
            await again.WorkflowMessageAsync(other.ConversationId, InboundConversationsTemplate.Question);
            Assert.Equal(1, await again.QueryAsync(db => db.WorkflowRuns.CountAsync(r => r.ConversationId == conversationId)));
            Assert.Equal(1, await again.QueryAsync(db => db.Messages.CountAsync(m => m.ConversationId == conversationId && m.AuthorKind == AuthorKind.Workflow)));
        }
        finally
        {
            await ((IAsyncLifetime)again).DisposeAsync();
        }
    }
}
