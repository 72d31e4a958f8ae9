using System.Text.Json;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Ai;
using Inbound.Web.Workflows.Simulator;

namespace Inbound.Tests.Workflows.Simulator;

/// <summary>A draft's AI step in the simulator asks the configured model with the workspace's knowledge, and changes nothing real.</summary>
public sealed class SimulatorAiTests(AiWorkflowApp app) : IClassFixture<AiWorkflowApp>
{
    [Fact]
    public async Task The_simulated_ai_step_answers_from_the_knowledge_cites_the_source_and_stores_nothing()
    {
        const string answer = "You can return it within 30 days of delivery for a full refund.";
        app.Ai.Answer(q => q.Contains("return a scarf", StringComparison.Ordinal), JsonSerializer.Serialize(new { status = "answered", answer, sources = new[] { 1 } }));
        var created = await app.Workflows().CreateBlankAsync("AI draft");
        var before = await DatabaseFingerprint.TakeAsync(app);
        var asked = app.Ai.ChatRequests.Count;

        var simulation = await app.Services.GetRequiredService<WorkflowSimulator>()
            .StartAsync(created.Id, "AI draft", AiSimulatorSamples.AnswerWithAi(), new SimulationSample("Can I return a scarf I bought?"));

        var ai = Assert.Single(simulation.AiAnswers);
        Assert.Equal(AiAnswerKind.Answered, ai.Answer.Kind);
        Assert.Equal(answer, ai.Answer.Text);
        Assert.Equal([AiWorkflowApp.ReturnsArticle], ai.Answer.Sources);
        Assert.Equal(Outcomes.Answered, ai.Outcome);
        Assert.Contains(simulation.Thread, m => m.Body == answer);
        Assert.Contains(simulation.Run.Log, e => e.NodeId == "ai" && e.Detail.Contains("sources: Returns"));
        Assert.Equal(RunWait.Reply, simulation.Run.WaitingFor);
        // The model was asked once, with the returns article as its source; nothing reached the database.
        Assert.Equal(asked + 1, app.Ai.ChatRequests.Count);
        var system = (string)app.Ai.ChatRequests[^1].Json["messages"]![0]!["content"]!;
        Assert.Contains("[1] Returns", system);
        Assert.DoesNotContain("Shipping costs", system);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));

        // A follow-up in the simulation reaches the model after the first question and answer, as in a live run.
        app.Ai.Answer(q => q.Contains("print the label", StringComparison.Ordinal),
            JsonSerializer.Serialize(new { status = "answered", answer = "Yes, from your account.", sources = new[] { 1 } }));
        await simulation.ReplyAsync("And can I print the label myself?");
        var followUp = app.Ai.ChatRequests.Last(r => r.LastUserMessage.Contains("print the label"));
        Assert.Equal(["system", "user", "assistant", "user"], followUp.Json["messages"]!.AsArray().Select(m => (string)m!["role"]!));
        Assert.Equal(answer, (string)followUp.Json["messages"]![2]!["content"]!);
        Assert.Equal(2, simulation.AiAnswers.Count);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
    }
}
