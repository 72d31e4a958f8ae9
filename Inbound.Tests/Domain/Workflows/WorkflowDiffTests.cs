using Inbound.Domain.SeedWork;
using Inbound.Domain.Workflows;

namespace Inbound.Tests.Domain.Workflows;

public class WorkflowDiffTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static WorkflowDefinition V1() => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new SendMessageStep { Id = "hello", Text = "Hello", X = 100 })
        .Add(new AddTagStep { Id = "tag", Tag = "new" })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "hello")
        .Connect("hello", Outcomes.Next, "tag")
        .Connect("tag", Outcomes.Next, "end");

    [Fact]
    public void The_diff_names_steps_added_removed_and_changed_with_the_settings_that_changed_but_not_moves()
    {
        var v2 = V1();
        ((SendMessageStep)v2.FindNode("hello")!).Text = "Hi there";
        v2.FindNode("hello")!.X = 400;
        v2.Remove("tag");
        v2.Add(new WaitStep { Id = "wait", Minutes = 5 }).Connect("hello", Outcomes.Next, "wait").Connect("wait", Outcomes.Next, "end");

        var diff = WorkflowDiff.Compare(V1(), v2);

        Assert.Equal(["wait"], diff.Added.Select(s => s.NodeId));
        Assert.Equal(["tag"], diff.Removed.Select(s => s.NodeId));
        var changed = Assert.Single(diff.Changed);
        Assert.Equal("hello", changed.NodeId);
        Assert.Equal(["text"], changed.Settings);
        Assert.Equal(2, diff.LinksAdded.Count);
        Assert.Equal(2, diff.LinksRemoved.Count);
    }

    [Fact]
    public void Moving_steps_only_is_no_change()
    {
        var moved = V1();
        moved.Nodes.ForEach(n => n.Y += 50);

        Assert.True(WorkflowDiff.Compare(V1(), moved).IsEmpty);
    }

    [Fact]
    public void Rolling_back_publishes_the_old_version_as_the_newest_and_makes_it_the_draft()
    {
        var workflow = new Workflow("Greeter", V1(), Now);
        workflow.Publish(Now, "Alex Admin");
        var v2 = V1();
        ((SendMessageStep)v2.FindNode("hello")!).Text = "Hi there";
        workflow.SaveDraft(v2, Now);
        workflow.Publish(Now.AddHours(1), "Sam Supervisor");

        var rolledBack = workflow.RollBackTo(1, Now.AddHours(2), "Alex Admin");

        Assert.Equal((3, 1, "Alex Admin"), (rolledBack.Number, rolledBack.RolledBackFrom, rolledBack.PublishedBy));
        Assert.Same(rolledBack, workflow.ActiveVersion);
        Assert.Equal("Hello", ((SendMessageStep)workflow.Draft.FindNode("hello")!).Text);
        Assert.False(workflow.HasUnpublishedChanges);
        Assert.Throws<DomainException>(() => workflow.RollBackTo(9, Now, null));
    }
}
