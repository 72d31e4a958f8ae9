using Inbound.Domain.Conversations;
using Inbound.Domain.Events;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Sla;

/// <summary>
/// A contact on the signed channel API is asked to rate a closed conversation and answers through the same API.
/// The question is put as a CSAT step would put it (the workflow step itself is not built yet).
/// </summary>
public class CsatThroughChannelApiTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly ChannelClient _channel = new(app.CreateHttpClient());

    private async Task AskForRatingAsync(Guid id, TimeSpan window)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == id);
        conversation.Close(new ClosingNote("Resolved", "Parcel found"), null, now);
        db.Messages.Add(conversation.AskForRating("How did we do? Tap 1 (poor) to 5 (great).", window, now));
        await db.SaveAndPublishAsync(app.Services.GetRequiredService<IDomainEventPublisher>());
    }

    [Fact]
    public async Task The_rating_and_comment_are_stored_on_the_closed_conversation_and_no_new_conversation_opens()
    {
        var contact = $"c-{Guid.NewGuid():N}";
        var id = (await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "Where is my parcel?")).ConversationId;
        await AskForRatingAsync(id, TimeSpan.FromHours(1));

        var rating = await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "5");
        var comment = await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "Found it thanks to you");

        Assert.Equal((id, false), (rating.ConversationId, rating.Opened));
        Assert.Equal((id, false), (comment.ConversationId, comment.Opened));
        var stored = await app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((ConversationStatus.Closed, 5, "Found it thanks to you"), (stored.Status, stored.CsatRating, stored.CsatComment));
        Assert.Equal(1, await app.QueryAsync(db => db.Conversations.CountAsync(c => c.ContactId == stored.ContactId)));
        var question = await app.QueryAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.ConversationId == id && m.Body.StartsWith("How did we do?")));
        Assert.Equal(Conversation.CsatChoices, question.QuickReplies);
    }

    [Fact]
    public async Task After_the_window_the_contacts_next_message_opens_a_new_conversation()
    {
        var contact = $"c-{Guid.NewGuid():N}";
        var id = (await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "Hello")).ConversationId;
        await AskForRatingAsync(id, TimeSpan.FromMilliseconds(1));

        var next = await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", contact, "5");

        Assert.True(next.Opened);
        Assert.NotEqual(id, next.ConversationId);
    }
}
