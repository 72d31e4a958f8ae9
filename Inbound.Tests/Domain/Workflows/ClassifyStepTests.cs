using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Domain.Workflows;

public sealed class ClassifyStepTests
{
    private readonly FakeRunContext _context = new();

    private async Task<RunLogEntry> ClassifyAsync(ClassifyStep step)
    {
        var definition = new WorkflowDefinition().Add(new ConversationOpenedTrigger { Id = "trigger" }).Add(step).Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, step.Id);
        foreach (var outcome in step.Outcomes()) definition.Connect(step.Id, outcome.Key, "end");
        var run = new WorkflowRun(Guid.NewGuid(), "Test", Guid.NewGuid(), 1, _context.Conversation.Id, _context.Contact.Id,
            _context.Conversation.FirstMessageId, "trigger", _context.Now);
        await new WorkflowInterpreter(definition).StartAsync(run, _context);
        Assert.Equal(RunStatus.Completed, run.Status);
        return run.Log.Single(e => e.NodeId == step.Id);
    }

    private static ClassifyStep Step(double? threshold = null) => new() { Id = "classify", Labels = ["Billing", "Sales"], Threshold = threshold };

    [Fact]
    public async Task A_confident_prediction_takes_its_labels_outcome_and_the_trace_says_how_sure()
    {
        _context.Prediction = new TopicPrediction("Billing", 0.87, DefaultThreshold: 0.6);

        var entry = await ClassifyAsync(Step());

        Assert.Equal((Outcomes.Label("Billing"), "Predicted \"Billing\" (87 %)"), (entry.Outcome, entry.Detail.Replace("87%", "87 %")));
    }

    [Fact]
    public async Task Below_the_steps_own_confidence_or_else_the_pages_it_is_unsure()
    {
        _context.Prediction = new TopicPrediction("Sales", 0.55, DefaultThreshold: 0.5);
        Assert.Equal(Outcomes.Label("Sales"), (await ClassifyAsync(Step())).Outcome);
        Assert.Equal(Outcomes.Unsure, (await ClassifyAsync(Step(threshold: 0.7))).Outcome);

        _context.Prediction = _context.Prediction with { DefaultThreshold = 0.6 };
        Assert.Equal(Outcomes.Unsure, (await ClassifyAsync(Step())).Outcome);
    }

    [Fact]
    public async Task Without_an_approved_model_or_for_a_label_without_a_port_the_run_goes_on_unsure()
    {
        var none = await ClassifyAsync(Step());
        Assert.Equal((Outcomes.Unsure, "No classifier model is approved; unsure"), (none.Outcome, none.Detail));

        _context.Prediction = new TopicPrediction("Support", 0.99, 0.6);
        Assert.Equal(Outcomes.Unsure, (await ClassifyAsync(Step())).Outcome);
    }

    [Fact]
    public void Publishing_needs_an_approved_model_with_the_steps_labels()
    {
        var definition = new WorkflowDefinition().Add(Step());

        Assert.Equal("ClassifierNotApproved", Assert.Single(ClassifierReadiness.Check(definition, approvedLabels: null)).Code);
        Assert.Equal("ClassifierLabelsChanged", Assert.Single(ClassifierReadiness.Check(definition, ["Billing", "Sales", "Support"])).Code);
        Assert.Empty(ClassifierReadiness.Check(definition, ["Sales", "Billing"]));
    }
}
