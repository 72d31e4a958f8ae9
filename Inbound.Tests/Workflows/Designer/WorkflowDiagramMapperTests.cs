using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.Designer;

namespace Inbound.Tests.Workflows.Designer;

public class WorkflowDiagramMapperTests
{
    [Fact]
    public void The_seeded_template_comes_back_identical_from_the_diagram()
    {
        var definition = WorkflowSamples.Template();

        var roundTripped = RoundTrip(definition);

        Assert.Equal(WorkflowJson.Serialize(definition), WorkflowJson.Serialize(roundTripped));
    }

    [Fact]
    public void Workflows_with_every_step_type_come_back_identical_from_the_diagram()
    {
        WorkflowDefinition[] definitions = [WorkflowSamples.EveryStepType(), WorkflowSamples.Rating(), WorkflowSamples.AiAnswer(), WorkflowSamples.Classified()];
        Assert.All(definitions, d => Assert.Empty(WorkflowValidator.Validate(d)));
        var kinds = definitions.SelectMany(d => d.Nodes).Select(n => n.Kind).ToHashSet();
        Assert.All(Enum.GetValues<NodeKind>().Where(k => StepCatalog.For(k).Category != StepCategory.Trigger), k => Assert.Contains(k, kinds));

        foreach (var definition in definitions)
            Assert.Equal(WorkflowJson.Serialize(definition), WorkflowJson.Serialize(RoundTrip(definition)));
    }

    [Fact]
    public void Each_node_has_one_labelled_output_port_per_outcome_and_an_input_unless_it_is_the_trigger()
    {
        var diagram = Load(WorkflowSamples.Template());

        var ask = Node(diagram, "ask-topic");
        Assert.Equal(["option:Sales", "option:Support", "option:Billing", "invalid", "timeout"], ask.OutcomePorts.Select(p => p.OutcomeKey));
        Assert.Equal(["Sales", "Support", "Billing", "Invalid answer", "No answer in time"], ask.OutcomePorts.Select(p => p.Label));
        Assert.NotNull(ask.Input);
        Assert.Equal(["Assigned", "Queued, nobody available"], Node(diagram, "assign-sales").OutcomePorts.Select(p => p.Label));
        Assert.Equal(["Sales", "Billing", "Else"], Node(diagram, "route").OutcomePorts.Select(p => p.Label));
        Assert.Null(Node(diagram, "trigger").Input);
        Assert.Empty(Node(diagram, "end").OutcomePorts);
    }

    [Fact]
    public void Links_start_only_from_an_outcome_port_and_end_only_on_another_step()
    {
        var diagram = Load(WorkflowSamples.Template());
        var trigger = Node(diagram, "trigger");
        var ask = Node(diagram, "ask-topic");
        var next = trigger.OutcomePort(Outcomes.Next)!;

        Assert.True(next.CanAttachTo(ask.Input!));
        Assert.True(next.CanAttachTo(ask));
        Assert.False(next.CanAttachTo(ask.OutcomePorts.First()));
        Assert.False(ask.OutcomePorts.First().CanAttachTo(ask.Input!));
        Assert.False(next.CanAttachTo(trigger));
        Assert.False(ask.Input!.CanAttachTo(trigger.OutcomePort(Outcomes.Next)!));
    }

    [Fact]
    public void A_link_dropped_on_a_step_goes_to_its_input_and_replaces_the_outcome_s_previous_link()
    {
        var diagram = Load(WorkflowSamples.Template());
        var hours = Node(diagram, "hours");
        var end = Node(diagram, "end");
        var open = hours.OutcomePort(Outcomes.Open)!;
        var dropped = diagram.Links.Add(new LinkModel(new SinglePortAnchor(open), new ShapeIntersectionAnchor(end)));

        var replaced = WorkflowDiagramMapper.Attach(dropped);
        diagram.Links.Remove(replaced);

        var definition = WorkflowDiagramMapper.ToDefinition(diagram);
        Assert.Equal("end", definition.Next("hours", Outcomes.Open)!.Id);
        Assert.Single(definition.Edges, e => e.FromNodeId == "hours" && e.Outcome == Outcomes.Open);
    }

    [Fact]
    public void Moving_a_node_saves_its_new_position()
    {
        var diagram = Load(WorkflowSamples.Template());

        Node(diagram, "hours").SetPosition(640, 300);

        var hours = WorkflowDiagramMapper.ToDefinition(diagram).FindNode("hours")!;
        Assert.Equal((640, 300), (hours.X, hours.Y));
    }

    [Fact]
    public void Removing_an_option_removes_its_port_and_its_link()
    {
        var diagram = Load(WorkflowSamples.Template());
        var ask = Node(diagram, "ask-topic");

        ((AskQuestionStep)ask.Step).Options.Remove("Billing");
        diagram.Links.Remove(ask.SyncOutcomePorts());

        var definition = WorkflowDiagramMapper.ToDefinition(diagram);
        Assert.DoesNotContain(ask.OutcomePorts, p => p.OutcomeKey == Outcomes.Option("Billing"));
        Assert.DoesNotContain(definition.Edges, e => e.Outcome == Outcomes.Option("Billing"));
        Assert.Equal(["option:Sales", "option:Support", "invalid", "timeout"], ask.OutcomePorts.Select(p => p.OutcomeKey));
    }

    private static WorkflowDefinition RoundTrip(WorkflowDefinition definition) => WorkflowDiagramMapper.ToDefinition(Load(definition));

    private static BlazorDiagram Load(WorkflowDefinition definition)
    {
        var diagram = new BlazorDiagram();
        WorkflowDiagramMapper.Load(diagram, definition);
        return diagram;
    }

    private static StepNodeModel Node(BlazorDiagram diagram, string id) => diagram.Nodes.OfType<StepNodeModel>().Single(n => n.Id == id);
}
