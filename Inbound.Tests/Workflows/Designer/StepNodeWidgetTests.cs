using Bunit;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;
using Microsoft.AspNetCore.Components;

namespace Inbound.Tests.Workflows.Designer;

public class StepNodeWidgetTests : DesignerTestBase
{
    public static TheoryData<string> EveryNode() => [.. WorkflowSamples.EveryStepType().Nodes.Select(n => n.Id)
        .Concat(WorkflowSamples.Template().Nodes.Select(n => "template:" + n.Id))];

    [Theory]
    [MemberData(nameof(EveryNode))]
    public void Every_node_shows_its_title_summary_and_a_labelled_port_per_outcome(string id)
    {
        var step = Find(id);

        var widget = RenderWidget(step);

        Assert.Equal(step.Title, widget.Find(".wf-node-title").TextContent);
        Assert.Equal(step.Summary(WorkflowSamples.Names), widget.Find(".wf-node-summary").TextContent);
        var outcomes = widget.FindAll(".wf-outcome");
        Assert.Equal(step.Outcomes().Select(o => o.Key), outcomes.Select(o => o.GetAttribute("data-outcome")));
        Assert.Equal(step.Outcomes().Select(o => o.Label), outcomes.Select(o => o.QuerySelector(".wf-outcome-label")!.TextContent));
        Assert.Equal(step.Outcomes().Count, widget.FindAll(".wf-port-out").Count);
        Assert.Equal(step is TriggerNode ? 0 : 1, widget.FindAll(".wf-port-in").Count);
    }

    [Fact]
    public void An_assignment_reads_as_a_sentence_with_the_team_s_name()
    {
        var widget = RenderWidget(new AssignToStep { Id = "a", TeamId = WorkflowSamples.Support, RespectCapacity = false });

        Assert.Equal("Assign to Support · round robin · online only", widget.Find(".wf-node-summary").TextContent);
        Assert.Equal(["Assigned", "Nobody available"], widget.FindAll(".wf-outcome-label").Select(l => l.TextContent));
    }

    [Fact]
    public void A_branch_has_a_port_per_rule_and_else()
    {
        var widget = RenderWidget(WorkflowSamples.Template().FindNode("route")!);

        Assert.Equal(["Sales", "Billing", "Else"], widget.FindAll(".wf-outcome-label").Select(l => l.TextContent));
    }

    [Fact]
    public void A_node_with_problems_says_how_many_and_what_they_are()
    {
        var model = new StepNodeModel(new SendMessageStep { Id = "m" });
        model.Issues = WorkflowValidator.Validate(new WorkflowDefinition().Add(model.Step)).Where(i => i.NodeId == "m").ToList();

        var widget = RenderNode(model);

        Assert.Contains("has-issues", widget.Find(".wf-node").ClassName);
        Assert.Equal(model.Issues.Count.ToString(), widget.Find(".wf-node-issues").TextContent.Trim());
        Assert.Contains("Write the message to send.", widget.Find(".wf-node").GetAttribute("title"));
    }

    private static WorkflowNode Find(string id) => id.StartsWith("template:", StringComparison.Ordinal)
        ? WorkflowSamples.Template().FindNode(id["template:".Length..])!
        : WorkflowSamples.EveryStepType().FindNode(id)!;

    private IRenderedComponent<CascadingValue<WorkflowNames>> RenderWidget(WorkflowNode step)
    {
        var model = new StepNodeModel(step);
        Diagram.Nodes.Add(model);
        return RenderNode(model);
    }
}
