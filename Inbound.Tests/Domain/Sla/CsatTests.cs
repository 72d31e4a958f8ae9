using Inbound.Domain.Conversations;
using Inbound.Domain.SeedWork;

namespace Inbound.Tests.Domain.Sla;

public class CsatTests
{
    private static readonly Guid Contact = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    private static Conversation ClosedAndAsked()
    {
        var conversation = InboundMessageRouting.Receive(Contact, Guid.NewGuid(), null, "Hi", null, Now).Conversation;
        conversation.Close(new ClosingNote("Solved", "Refunded"), null, Now.AddMinutes(5));
        var question = conversation.AskForRating("How did we do?", TimeSpan.FromHours(1), Now.AddMinutes(6));
        Assert.Equal(Conversation.CsatChoices, question.QuickReplies);
        return conversation;
    }

    [Fact]
    public void Within_the_window_a_rating_then_a_comment_are_stored_on_the_closed_conversation_and_nothing_opens()
    {
        var closed = ClosedAndAsked();

        var rating = InboundMessageRouting.Receive(Contact, closed.ChannelId, null, " 4 ", "r1", Now.AddMinutes(7), awaitingRating: closed);
        var comment = InboundMessageRouting.Receive(Contact, closed.ChannelId, null, "Quick and friendly", "r2", Now.AddMinutes(8), awaitingRating: closed);

        Assert.False(rating.Opened || comment.Opened);
        Assert.Same(closed, comment.Conversation);
        Assert.False(closed.IsOpen);
        Assert.Equal((4, "Quick and friendly", (DateTime?)Now.AddMinutes(7)), (closed.CsatRating, closed.CsatComment, closed.CsatRatedAt));
        // The question is answered: the next message opens a new conversation.
        Assert.True(InboundMessageRouting.Receive(Contact, closed.ChannelId, null, "One more thing", "r3", Now.AddMinutes(9), awaitingRating: closed).Opened);
    }

    [Fact]
    public void After_the_window_the_contacts_message_opens_a_new_conversation()
    {
        var closed = ClosedAndAsked();

        var later = InboundMessageRouting.Receive(Contact, closed.ChannelId, null, "5", "r1", Now.AddHours(2), awaitingRating: closed);

        Assert.True(later.Opened);
        Assert.NotSame(closed, later.Conversation);
        Assert.Null(closed.CsatRating);
    }

    [Fact]
    public void An_open_conversation_is_not_asked_for_a_rating_and_a_closed_one_takes_no_reply_from_an_agent()
    {
        var open = InboundMessageRouting.Receive(Contact, Guid.NewGuid(), null, "Hi", null, Now).Conversation;
        Assert.Throws<DomainException>(() => open.AskForRating("How did we do?", TimeSpan.FromHours(1), Now));

        var closed = ClosedAndAsked();
        Assert.Throws<DomainException>(() => closed.Reply(AuthorKind.Agent, Guid.NewGuid(), "Hello?", Now.AddMinutes(10)));
    }
}
