using Inbound.Domain.Agents;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Workflows;

/// <summary>Runs that wait: timeouts on a fake clock, and waits that outlive the app.</summary>
public class DurableRunTests
{
    // A Wednesday morning in Berlin: the seeded business hours are open.
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static InboundApp AppWithClock(FakeTimeProvider clock, string? dataFolder = null) =>
        (dataFolder is null ? new InboundApp() : InboundApp.OnDataFolder(dataFolder)).WithServices(s => s.AddSingleton<TimeProvider>(clock));

    [Fact]
    public async Task A_question_left_unanswered_takes_the_timeout_path_when_the_clock_passes_it()
    {
        var clock = new FakeTimeProvider(Start);
        var app = AppWithClock(clock);
        await ((IAsyncLifetime)app).InitializeAsync();
        await app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        var opened = await new ChannelClient(app.CreateHttpClient()).SendOkAsync(NewId("m"), NewId("contact"), "Hi");
        await app.RunAsync(opened.ConversationId, r => r.Status == RunStatus.Waiting, "the run to wait for the answer");

        clock.Advance(TimeSpan.FromMinutes(29));
        var stillWaiting = await app.RunAsync(opened.ConversationId, _ => true, "the run");
        Assert.Equal(RunStatus.Waiting, stillWaiting.Status);

        clock.Advance(TimeSpan.FromMinutes(2));

        var run = await app.RunAsync(opened.ConversationId, r => r.Status == RunStatus.Completed, "the run to complete");
        Assert.Contains(run.Log, e => e.NodeId == "ask-topic" && e.Outcome == Outcomes.Timeout);
        var conversation = await app.AssignedConversationAsync(opened.ConversationId);
        Assert.Equal(await app.AgentIdAsync("ben@inbound.local"), conversation.AssigneeId);
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task A_run_waiting_for_an_answer_resumes_on_the_answer_after_a_restart()
    {
        string dataFolder;
        string contact = NewId("contact");
        Guid conversationId;
        await using (var before = new InboundApp())
        {
            await ((IAsyncLifetime)before).InitializeAsync();
            dataFolder = before.DataFolder;
            var opened = await new ChannelClient(before.CreateHttpClient()).SendOkAsync(NewId("m"), contact, "Hi");
            conversationId = opened.ConversationId;
            await before.RunAsync(conversationId, r => r.Status == RunStatus.Waiting, "the run to wait for the answer");
        }

        var after = InboundApp.OnDataFolder(dataFolder);
        await ((IAsyncLifetime)after).InitializeAsync();
        try
        {
            await after.SetAvailabilityAsync("dev@inbound.local", AgentAvailability.Online);
            await new ChannelClient(after.CreateHttpClient()).SendOkAsync(NewId("m"), contact, "Sales");

            var conversation = await after.AssignedConversationAsync(conversationId);
            Assert.Equal(await after.AgentIdAsync("dev@inbound.local"), conversation.AssigneeId);
            Assert.Equal(await after.TeamIdAsync("Sales"), conversation.TeamId);
        }
        finally
        {
            await ((IAsyncLifetime)after).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_timer_that_fell_due_while_the_app_was_down_fires_when_it_starts_again()
    {
        var clock = new FakeTimeProvider(Start);
        string dataFolder;
        Guid conversationId;
        await using (var before = AppWithClock(clock))
        {
            await ((IAsyncLifetime)before).InitializeAsync();
            dataFolder = before.DataFolder;
            conversationId = (await new ChannelClient(before.CreateHttpClient()).SendOkAsync(NewId("m"), NewId("contact"), "Hi")).ConversationId;
            await before.RunAsync(conversationId, r => r.Status == RunStatus.Waiting, "the run to wait for the answer");
        }

        var later = new FakeTimeProvider(Start.AddHours(2));
        var after = AppWithClock(later, dataFolder);
        await ((IAsyncLifetime)after).InitializeAsync();
        try
        {
            var run = await after.RunAsync(conversationId, r => r.Status == RunStatus.Completed, "the overdue timeout to fire");
            Assert.Contains(run.Log, e => e.NodeId == "ask-topic" && e.Outcome == Outcomes.Timeout);
        }
        finally
        {
            await ((IAsyncLifetime)after).DisposeAsync();
        }
    }
}
