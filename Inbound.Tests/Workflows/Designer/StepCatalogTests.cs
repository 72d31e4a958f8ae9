using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;

namespace Inbound.Tests.Workflows.Designer;

public class StepCatalogTests
{
    [Fact]
    public void The_palette_offers_every_kind_of_node_once_in_its_group()
    {
        Assert.Equal(Enum.GetValues<NodeKind>().Order(), StepCatalog.All.Select(i => i.Kind).Order());
        Assert.Equal(NodeCatalog.Triggers.Order(), StepCatalog.All.Where(i => i.Category == StepCategory.Trigger).Select(i => i.Kind).Order());
        Assert.Equal([StepCategory.Trigger, StepCategory.Enrichment, StepCategory.Routing, StepCategory.Assignment, StepCategory.Other],
            StepCatalog.Groups().Select(g => g.Key));
    }

    [Fact]
    public void A_dropped_step_gets_an_id_no_other_step_has_and_a_whole_position()
    {
        var existing = new List<WorkflowNode> { new AskQuestionStep { Id = "askQuestion-1" } };

        var step = StepCatalog.Create(NodeKind.AskQuestion, existing, 120.4, 80.6);

        Assert.Equal("askQuestion-2", step.Id);
        Assert.Equal((120, 81), (step.X, step.Y));
        Assert.IsType<AskQuestionStep>(step);
    }
}
