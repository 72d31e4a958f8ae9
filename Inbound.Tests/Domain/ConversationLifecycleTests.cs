using Inbound.Domain.Conversations;
using Inbound.Domain.SeedWork;

namespace Inbound.Tests.Domain;

public class ConversationLifecycleTests
{
    private static readonly Guid Contact = Guid.NewGuid();
    private static readonly Guid Channel = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void First_message_opens_a_conversation_sourced_from_the_contact()
    {
        var result = InboundMessageRouting.Receive(Contact, Channel, null, "Hi there", "m1", Now);

        Assert.True(result.Opened);
        Assert.True(result.Conversation.IsOpen);
        Assert.Equal(ConversationSource.Contact, result.Conversation.Source);
        Assert.Equal(result.Message.Id, result.Conversation.FirstMessageId);
        var opened = Assert.Single(result.Conversation.DomainEvents.OfType<ConversationOpened>());
        Assert.Equal(ConversationSource.Contact, opened.Source);
        Assert.Equal(Contact, opened.ContactId);
    }

    [Fact]
    public void Messages_written_at_the_same_instant_keep_the_order_they_were_written_in()
    {
        var conversation = InboundMessageRouting.Receive(Contact, Channel, null, "Hi", "m1", Now).Conversation;

        var greeting = conversation.Reply(AuthorKind.Workflow, null, "Welcome!", Now);
        var question = conversation.Reply(AuthorKind.Workflow, null, "What can we help you with?", Now, ["Sales", "Support"]);

        Assert.True(greeting.CreatedAt > Now);
        Assert.True(question.CreatedAt > greeting.CreatedAt);
        Assert.True(question.CreatedAt - Now < TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Second_message_while_open_appends_to_the_same_conversation()
    {
        var first = InboundMessageRouting.Receive(Contact, Channel, null, "Hi", "m1", Now);
        first.Conversation.ClearDomainEvents();

        var second = InboundMessageRouting.Receive(Contact, Channel, first.Conversation, "Anyone?", "m2", Now.AddMinutes(1));

        Assert.False(second.Opened);
        Assert.Same(first.Conversation, second.Conversation);
        Assert.Equal(second.Conversation.Id, second.Message.ConversationId);
        Assert.Empty(second.Conversation.DomainEvents.OfType<ConversationOpened>());
        Assert.Single(second.Conversation.DomainEvents.OfType<MessageAdded>());
        Assert.Equal(Now.AddMinutes(1), second.Conversation.LastActivityAt);
    }

    [Fact]
    public void Opening_a_second_conversation_while_one_is_open_is_refused()
    {
        var open = Conversation.Open(Contact, Channel, ConversationSource.Contact, Now);

        var error = Assert.Throws<DomainException>(() => Conversation.Open(Contact, Channel, ConversationSource.User, Now, open));
        Assert.Contains("already has an open conversation", error.Message);
    }

    [Fact]
    public void Closing_records_the_note_and_who_closed_it_and_raises_closed()
    {
        var conversation = Conversation.Open(Contact, Channel, ConversationSource.Contact, Now);
        var agent = Guid.NewGuid();

        conversation.Close(new ClosingNote("Resolved", "Explained the refund policy"), agent, Now.AddHours(1));

        Assert.Equal(ConversationStatus.Closed, conversation.Status);
        Assert.Equal("Resolved", conversation.ClosingNote!.Category);
        Assert.Equal("Explained the refund policy", conversation.ClosingNote.Summary);
        Assert.Equal(agent, conversation.ClosedById);
        Assert.Equal(Now.AddHours(1), conversation.ClosedAt);
        Assert.Single(conversation.DomainEvents.OfType<ConversationClosed>());
    }

    [Fact]
    public void A_closed_conversation_cannot_be_closed_again_or_take_messages()
    {
        var conversation = Conversation.Open(Contact, Channel, ConversationSource.Contact, Now);
        conversation.Close(new ClosingNote("Resolved", "Done"), null, Now);

        Assert.Throws<DomainException>(() => conversation.Close(new ClosingNote("Resolved", "Again"), null, Now));
        Assert.Throws<DomainException>(() => conversation.ReceiveFromContact("hello?", "m9", Now));
        Assert.Throws<DomainException>(() => conversation.Reply(AuthorKind.Agent, Guid.NewGuid(), "hi", Now));
    }

    [Fact]
    public void The_next_message_after_closing_opens_a_new_conversation()
    {
        var first = InboundMessageRouting.Receive(Contact, Channel, null, "Hi", "m1", Now);
        first.Conversation.Close(new ClosingNote("Resolved", "Done"), null, Now.AddMinutes(5));

        var next = InboundMessageRouting.Receive(Contact, Channel, first.Conversation, "One more thing", "m2", Now.AddMinutes(10));

        Assert.True(next.Opened);
        Assert.NotEqual(first.Conversation.Id, next.Conversation.Id);
        Assert.True(next.Conversation.IsOpen);
    }

    [Theory]
    [InlineData("", "Summary", "category")]
    [InlineData("  ", "Summary", "category")]
    [InlineData("Resolved", "", "summary")]
    [InlineData("Resolved", "   ", "summary")]
    public void A_closing_note_needs_a_category_and_a_summary(string category, string summary, string missing)
    {
        var error = Assert.Throws<DomainException>(() => new ClosingNote(category, summary));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void An_agent_reply_sets_the_first_response_time_once()
    {
        var conversation = Conversation.Open(Contact, Channel, ConversationSource.Contact, Now);
        var agent = Guid.NewGuid();

        conversation.Reply(AuthorKind.Agent, agent, "Hello!", Now.AddMinutes(2));
        conversation.Reply(AuthorKind.Agent, agent, "Still there?", Now.AddMinutes(9));

        Assert.Equal(Now.AddMinutes(2), conversation.FirstResponseAt);
    }

    [Fact]
    public void Every_change_advances_the_sequence()
    {
        var conversation = Conversation.Open(Contact, Channel, ConversationSource.Contact, Now);
        var before = conversation.Sequence;

        conversation.ReceiveFromContact("hi", "m1", Now);
        conversation.AssignTo(Guid.NewGuid(), Guid.NewGuid(), Now);

        Assert.Equal(before + 2, conversation.Sequence);
    }

    [Fact]
    public void The_contact_waits_from_their_oldest_unanswered_message_until_an_agent_replies()
    {
        var conversation = Conversation.Open(Contact, Channel, ConversationSource.Contact, Now);

        conversation.ReceiveFromContact("hi", "m1", Now);
        conversation.ReceiveFromContact("anyone?", "m2", Now.AddMinutes(3));
        Assert.Equal(Now, conversation.AwaitingReplySince);

        conversation.AddNote(AuthorKind.Agent, Guid.NewGuid(), "looking into it", Now.AddMinutes(4));
        Assert.Equal(Now, conversation.AwaitingReplySince);

        conversation.Reply(AuthorKind.Workflow, null, "You are number 2 in line", Now.AddMinutes(5));
        Assert.Equal(Now, conversation.AwaitingReplySince);

        conversation.Reply(AuthorKind.Agent, Guid.NewGuid(), "Hi, I'm Ana", Now.AddMinutes(6));
        Assert.Null(conversation.AwaitingReplySince);

        conversation.ReceiveFromContact("Great", "m3", Now.AddMinutes(7));
        Assert.Equal(Now.AddMinutes(7), conversation.AwaitingReplySince);
    }

    [Fact]
    public void Events_carry_the_conversation_as_it_stands_after_the_change()
    {
        var conversation = Conversation.Open(Contact, Channel, ConversationSource.Contact, Now);
        var agent = Guid.NewGuid();
        var team = Guid.NewGuid();

        conversation.ReceiveFromContact("hi", "m1", Now);
        conversation.AssignTo(agent, team, Now);

        var assigned = Assert.IsType<ConversationAssigned>(conversation.DomainEvents[^1]);
        Assert.Equal(new ConversationState(Contact, team, agent, ConversationStatus.Open, conversation.Sequence), assigned.State);
        var added = Assert.IsType<MessageAdded>(conversation.DomainEvents[^2]);
        Assert.Null(added.State!.AssigneeId);
        Assert.Equal(conversation.Sequence - 1, added.State.Sequence);
    }

    [Fact]
    public void Waiting_for_a_person_starts_in_the_queue_outlasts_a_workflow_reply_and_ends_on_assignment()
    {
        var conversation = Conversation.Open(Contact, Channel, ConversationSource.Contact, Now);
        conversation.ReceiveFromContact("Hi", "m1", Now);
        Assert.Null(conversation.WaitingSince);

        conversation.RouteToTeam(Guid.NewGuid(), Now.AddMinutes(1));
        conversation.Reply(AuthorKind.Workflow, null, "You are number 2 in line", Now.AddMinutes(1));
        Assert.Equal(Now.AddMinutes(1), conversation.WaitingSince);

        conversation.AssignTo(Guid.NewGuid(), null, Now.AddMinutes(5));
        Assert.Null(conversation.WaitingSince);

        conversation.Unassign(Now.AddMinutes(9));
        Assert.Equal(Now.AddMinutes(9), conversation.WaitingSince);
    }
}
