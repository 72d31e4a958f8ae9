using Inbound.Domain.Workflows;

namespace Inbound.Web.Workflows;

/// <summary>
/// The workflows the demo data starts with: the published "Inbound conversations" example, and "Mark as VIP", which
/// agents start by hand from a conversation.
/// </summary>
public static class DemoWorkflows
{
    public static Workflow InboundConversations(IReadOnlyDictionary<string, Guid> teamIdsByName, DateTime now)
    {
        var workflow = new Workflow(InboundConversationsTemplate.Name, InboundConversationsTemplate.Create(teamIdsByName), now);
        workflow.Publish(now);
        return workflow;
    }

    public const string MarkAsVipName = "Mark as VIP";

    public static Workflow MarkAsVip(DateTime now)
    {
        var definition = new WorkflowDefinition()
            .Add(new ManualTrigger { Id = "trigger", X = 40, Y = 120 })
            .Add(new AddTagStep { Id = "tag", Tag = "VIP", X = 320, Y = 120 })
            .Add(new AddCommentStep { Id = "comment", Text = "{{contact.name}} is a VIP: answer first.", X = 600, Y = 120 })
            .Add(new EndStep { Id = "end", X = 880, Y = 120 })
            .Connect("trigger", Outcomes.Next, "tag")
            .Connect("tag", Outcomes.Next, "comment")
            .Connect("comment", Outcomes.Next, "end");
        var workflow = new Workflow(MarkAsVipName, definition, now);
        workflow.Publish(now);
        return workflow;
    }
}
