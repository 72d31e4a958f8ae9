using Inbound.Domain.Workflows;

namespace Inbound.Web.Workflows;

/// <summary>The workflow the demo data starts with: the published "Inbound conversations" example.</summary>
public static class DemoWorkflows
{
    public static Workflow InboundConversations(IReadOnlyDictionary<string, Guid> teamIdsByName, DateTime now)
    {
        var workflow = new Workflow(InboundConversationsTemplate.Name, InboundConversationsTemplate.Create(teamIdsByName), now);
        workflow.Publish(now);
        return workflow;
    }
}
