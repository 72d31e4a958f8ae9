using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Workflows.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Workflows.Simulator;

/// <summary>The simulator runs a draft with the engine's interpreter and changes nothing real.</summary>
public class WorkflowSimulatorTests : IAsyncLifetime
{
    // A Wednesday, 09:00 UTC: the sample's hours (06:00–20:00 UTC on weekdays) are open.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly InboundApp _app;

    public WorkflowSimulatorTests() => _app = new NoWorkflowsApp().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        await _app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        // A real contact with a real conversation, to play in the simulator.
        await new ChannelClient(_app.CreateHttpClient()).SendOkAsync("m-existing", "contact-existing", "An earlier question");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private static IReadOnlyList<(string NodeId, string? Outcome)> Path(WorkflowRun run) => [.. run.Log.Select(e => (e.NodeId, e.Outcome))];

    [Fact]
    public async Task With_ai_off_the_simulated_ai_step_says_so_and_takes_its_failed_path_as_a_live_run_would()
    {
        var created = await _app.Workflows().CreateBlankAsync("AI draft");

        var simulation = await _app.Services.GetRequiredService<WorkflowSimulator>()
            .StartAsync(created.Id, "AI draft", AiSimulatorSamples.AnswerWithAi(), new SimulationSample("Can I return a scarf?"));

        var ai = Assert.Single(simulation.AiAnswers);
        Assert.True(ai.AiOff);
        Assert.Equal(Outcomes.Failure, ai.Outcome);
        Assert.Contains("switched off", ai.Answer.Reason);
        Assert.Equal([("trigger", Outcomes.Next), ("ai", Outcomes.Failure), ("fallback", Outcomes.Next), ("end", null)],
            Path(simulation.Run).Where(p => p.Outcome is not null || p.NodeId == "end"));
        Assert.Contains(simulation.Thread, m => m.Body == AiSimulatorSamples.Fallback);
        Assert.Equal(RunStatus.Completed, simulation.Run.Status);
    }

    [Fact]
    public async Task A_simulated_run_leaves_the_database_unchanged_and_takes_the_path_the_published_version_takes_for_real()
    {
        var draft = SimulatorSamples.QuestionHoursAndAssignment(await _app.TeamIdAsync("Support"));
        var created = await _app.Workflows().CreateBlankAsync("Orders");
        await _app.Workflows().SaveDraftAsync(created.Id, draft);
        var contactId = await _app.QueryAsync(db => db.Contacts.Select(c => c.Id).SingleAsync());
        var before = await DatabaseFingerprint.TakeAsync(_app);

        var simulation = await _app.Services.GetRequiredService<WorkflowSimulator>()
            .StartAsync(created.Id, "Orders", draft, new SimulationSample("Hi, my parcel has not arrived", ContactId: contactId));
        Assert.Contains(simulation.Thread, m => m.Body == "What is your order number?");
        await simulation.ReplyAsync("A-1234");
        Assert.Contains(simulation.Thread, m => m.Body == "Anything else we should know?");
        await simulation.AdvanceAsync(TimeSpan.FromMinutes(15));

        Assert.Equal(RunStatus.Completed, simulation.Run.Status);
        Assert.Equal("Ben Agent", simulation.AssigneeName);
        Assert.Equal(Verdict.Chosen, simulation.Decision!.Candidates.Single(c => c.Name == "Ben Agent").Verdict);
        Assert.Equal(Verdict.Offline, simulation.Decision.Candidates.Single(c => c.Name == "Carla Agent").Verdict);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(_app));

        // The same version, published and run for real, with the same answers and the same wait.
        Assert.True((await _app.Workflows().PublishAsync(created.Id))!.Published);
        var channel = new ChannelClient(_app.CreateHttpClient());
        var real = (await channel.SendOkAsync("m-real-1", "contact-real", "Hi, my parcel has not arrived")).ConversationId;
        await _app.RunAsync(real, r => r.Status == RunStatus.Waiting, "the real run to ask");
        await channel.SendOkAsync("m-real-2", "contact-real", "A-1234");
        await _app.RunAsync(real, r => r.Status == RunStatus.Waiting && r.CurrentNodeId == "ask-more", "the real run to ask again");
        _clock.Advance(TimeSpan.FromMinutes(15));
        var run = await _app.RunAsync(real, r => r.Status == RunStatus.Completed, "the real run to complete");

        Assert.Equal(Path(run), Path(simulation.Run));
        Assert.Contains(("ask-more", Outcomes.Timeout), Path(run));
        Assert.Equal(await _app.AgentIdAsync("ben@inbound.local"), (await _app.AssignedConversationAsync(real)).AssigneeId);
    }

    [Fact]
    public async Task Advancing_the_simulated_clock_past_closing_takes_the_closed_path()
    {
        var draft = SimulatorSamples.QuestionHoursAndAssignment(await _app.TeamIdAsync("Support"));
        var simulation = await _app.Services.GetRequiredService<WorkflowSimulator>()
            .StartAsync(Guid.NewGuid(), "Orders", draft, new SimulationSample("Hello", Name: "Late person", Fields: new Dictionary<string, string> { ["Plan"] = "Gold" }));

        // The first question has no timeout: the clock moves to 21:00 with the run still waiting for its answer.
        await simulation.AdvanceAsync(TimeSpan.FromHours(12));
        await simulation.ReplyAsync("A-2");
        await simulation.AdvanceAsync(TimeSpan.FromMinutes(15));

        Assert.Equal([("trigger", Outcomes.Next), ("ask-order", null), ("ask-order", Outcomes.Answered), ("ask-more", null), ("ask-more", Outcomes.Timeout),
            ("hours", Outcomes.Closed), ("closed", Outcomes.Next), ("end", null)], Path(simulation.Run));
        Assert.Contains(simulation.Thread, m => m.Body == "We are closed; we answer when we open.");
        Assert.Null(simulation.AssigneeName);
    }

    [Fact]
    public async Task An_http_step_is_not_called_unless_the_admin_allows_it_for_that_step()
    {
        var draft = new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new HttpRequestStep { Id = "crm", Url = "http://127.0.0.1:9/never" })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "crm")
            .Connect("crm", Outcomes.Success, "end")
            .Connect("crm", Outcomes.Failure, "end");

        var simulation = await _app.Services.GetRequiredService<WorkflowSimulator>()
            .StartAsync(Guid.NewGuid(), "CRM", draft, new SimulationSample("Hello", Name: "Someone"));

        var entry = simulation.Run.Log.Single(e => e.NodeId == "crm" && e.Outcome is not null);
        Assert.Equal(Outcomes.Failure, entry.Outcome);
        Assert.Contains("Not called", entry.Detail);
    }
}
