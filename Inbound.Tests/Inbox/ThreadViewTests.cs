using Bunit;
using Inbound.Domain.Conversations;
using Inbound.Web.Inbox.Components;
using Inbound.Web.Workflows;
using static Inbound.Tests.Inbox.InboxBuilders;

namespace Inbound.Tests.Inbox;

public class ThreadViewTests : MudComponentTest
{
    [Fact]
    public void The_thread_shows_messages_replies_notes_and_system_events_with_author_and_time()
    {
        var thread = Thread([
            Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "Where is my order?", DeliveryStatus.Received, minutesAgo: 20),
            Entry(MessageDirection.InternalNote, AuthorKind.Workflow, "Workflow", "Assigned to Ana by workflow", minutesAgo: 19),
            Entry(MessageDirection.Outbound, AuthorKind.Agent, "Ana Agent", "Let me check.", minutesAgo: 18),
            Entry(MessageDirection.InternalNote, AuthorKind.Agent, "Ana Agent", "Order stuck in customs", minutesAgo: 17),
        ]);

        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, thread).Add(x => x.Now, Now));

        var inbound = cut.Find("[data-testid=inbound]");
        Assert.Contains("Where is my order?", inbound.TextContent);
        Assert.Contains("Maria Lopez · 14:10", inbound.QuerySelector(".inbox-entry-meta")!.TextContent);
        Assert.Contains("Assigned to Ana by workflow", cut.Find("[data-testid=system-event]").TextContent);
        Assert.Contains("Ana Agent", cut.Find("[data-testid=outbound]").TextContent);
        Assert.Contains("Sent", cut.Find("[data-testid=outbound] [data-testid=delivery]").TextContent);
        var note = cut.Find("[data-testid=note]");
        Assert.Contains("Internal note", note.TextContent);
        Assert.Contains("Order stuck in customs", note.TextContent);
    }

    [Fact]
    public void The_thread_explains_why_the_assignee_was_chosen_with_every_candidate()
    {
        var thread = Thread([Entry(MessageDirection.Inbound, AuthorKind.Contact, "Maria Lopez", "สวัสดีครับ", DeliveryStatus.Received, minutesAgo: 2)]) with
        {
            AssigneeName = "Carla Agent",
            WhyAssigned = new Inbound.Web.Inbox.AssignmentExplanation("Thai speakers", "Round robin: Carla Agent had waited longest for a conversation among 1 available.",
                [new(Guid.NewGuid(), "Carla Agent", Inbound.Domain.Assignment.Verdict.Chosen, 0, 5),
                 new(Guid.NewGuid(), "Ben Agent", Inbound.Domain.Assignment.Verdict.LacksSkills, 0, 5, ["thai"])], Now),
        };

        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, thread).Add(x => x.Now, Now));

        var why = cut.Find("[data-testid=assignment-explanation]");
        Assert.Contains("Why Carla Agent? · Thai speakers", why.QuerySelector("summary")!.TextContent);
        Assert.Contains("Round robin", cut.Find("[data-testid=assignment-rule]").TextContent);
        Assert.Equal(["Carla Agent: chosen", "Ben Agent: lacks thai"], cut.FindAll("[data-testid=assignment-candidate]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void A_question_shows_the_answers_the_contact_was_offered()
    {
        var question = Entry(MessageDirection.Outbound, AuthorKind.Workflow, "Workflow", "What can we help you with?") with { QuickReplies = ["Sales", "Support"] };

        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, Thread([question])));

        Assert.Equal(["Sales", "Support"], cut.FindAll("[data-testid=outbound] [data-testid=quick-replies] .inbox-quick-reply").Select(c => c.TextContent));
    }

    [Fact]
    public void A_reply_that_could_not_be_delivered_says_so()
    {
        var thread = Thread([Entry(MessageDirection.Outbound, AuthorKind.Agent, "Ana Agent", "Hello", DeliveryStatus.Failed)]);

        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, thread));

        Assert.Contains("Not delivered", cut.Find("[data-testid=delivery]").TextContent);
    }

    [Fact]
    public void A_failed_reply_shows_why_and_offers_retry()
    {
        var failed = Entry(MessageDirection.Outbound, AuthorKind.Agent, "Ana Agent", "Hello", DeliveryStatus.Failed) with { DeliveryError = "400 Bad Request: chat not found" };
        var sent = Entry(MessageDirection.Outbound, AuthorKind.Agent, "Ana Agent", "Still there?", DeliveryStatus.Read);
        Guid? retried = null;

        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, Thread([failed, sent])).Add(x => x.OnRetryDelivery, id => retried = id));

        Assert.Contains("chat not found", cut.Find("[data-testid=delivery-failure]").TextContent);
        Assert.Contains("Read", cut.FindAll("[data-testid=delivery]")[1].TextContent);
        Assert.Single(cut.FindAll("[data-testid=retry-delivery]"));
        cut.Find("[data-testid=retry-delivery]").Click();
        Assert.Equal(failed.Id, retried);
    }

    [Fact]
    public void A_closed_conversation_shows_its_closing_note_and_offers_no_actions()
    {
        var thread = Thread([], ConversationStatus.Closed, "Refund", "Refunded the duplicate charge");

        var cut = Render<ThreadView>(p => p.Add(x => x.Thread, thread));

        var note = cut.Find("[data-testid=closing-note]").TextContent;
        Assert.Contains("Refund", note);
        Assert.Contains("Refunded the duplicate charge", note);
        Assert.Empty(cut.FindAll("[data-testid=close]"));
        Assert.Empty(cut.FindAll("[data-testid=reassign]"));
    }

    [Fact]
    public void The_close_and_reassign_buttons_raise_their_actions()
    {
        var closed = false;
        var reassigned = false;
        var cut = Render<ThreadView>(p => p
            .Add(x => x.Thread, Thread([]))
            .Add(x => x.OnClose, () => closed = true)
            .Add(x => x.OnReassign, () => reassigned = true));

        cut.Find("[data-testid=close]").Click();
        cut.Find("[data-testid=reassign]").Click();

        Assert.True(closed);
        Assert.True(reassigned);
    }

    [Fact]
    public void Run_workflow_lists_the_manual_workflows_and_starts_the_one_picked()
    {
        ManualWorkflow? started = null;
        var vip = new ManualWorkflow(Guid.NewGuid(), "Mark as VIP");
        var popovers = RenderPopovers();
        var cut = Render<ThreadView>(p => p
            .Add(x => x.Thread, Thread([]))
            .Add(x => x.Workflows, [new ManualWorkflow(Guid.NewGuid(), "Send survey"), vip])
            .Add(x => x.OnStartWorkflow, w => started = w));

        cut.Find("[data-testid=run-workflow] button").Click();
        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll(".mud-menu-item").Count));
        Assert.Equal(["Send survey", "Mark as VIP"], popovers.FindAll(".mud-menu-item").Select(i => i.TextContent.Trim()));
        popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("Mark as VIP")).Click();

        Assert.Equal(vip, started);
    }

    [Fact]
    public void Without_manual_workflows_or_once_closed_there_is_no_run_workflow_menu()
    {
        var none = Render<ThreadView>(p => p.Add(x => x.Thread, Thread([])));
        var closed = Render<ThreadView>(p => p
            .Add(x => x.Thread, Thread([], ConversationStatus.Closed, "Refund", "Done"))
            .Add(x => x.Workflows, [new ManualWorkflow(Guid.NewGuid(), "Send survey")]));

        Assert.Empty(none.FindAll("[data-testid=run-workflow]"));
        Assert.Empty(closed.FindAll("[data-testid=run-workflow]"));
    }

    [Fact]
    public void Without_a_conversation_it_invites_to_pick_one_and_while_loading_shows_placeholders()
    {
        var empty = Render<ThreadView>();
        var loading = Render<ThreadView>(p => p.Add(x => x.Loading, true));

        Assert.Contains("Pick a conversation", empty.Find("[data-testid=thread-none]").TextContent);
        Assert.NotNull(loading.Find("[data-testid=thread-loading]"));
    }
}
