using Inbound.Domain.Agents;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Workflows;

/// <summary>Contact messages reach the runs that wait for them, however many other messages arrive beside them.</summary>
public class ReplyRoutingTests(InboundApp app) : IClassFixture<InboundApp>
{
    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task An_answer_arriving_among_messages_of_conversations_without_a_waiting_run_still_resumes_its_run()
    {
        await app.SetAvailabilityAsync("dev@inbound.local", AgentAvailability.Online);
        var channel = new ChannelClient(app.CreateHttpClient());
        var asking = NewId("contact");
        var answered = NewId("contact");
        var waiting = await channel.SendOkAsync(NewId("m"), asking, "Hi");
        var done = await channel.SendOkAsync(NewId("m"), answered, "Hi");
        await app.RunAsync(waiting.ConversationId, r => r.Status == RunStatus.Waiting, "the first run to wait for the answer");
        await app.RunAsync(done.ConversationId, r => r.Status == RunStatus.Waiting, "the second run to wait for the answer");
        await channel.SendOkAsync(NewId("m"), answered, "Sales");
        await app.RunAsync(done.ConversationId, r => r.Status != RunStatus.Waiting, "the second run to take its answer");

        // The answer travels with a burst of messages that no run waits for, so that the engine sees them together.
        var burst = Enumerable.Range(0, 40).Select(i => channel.SendOkAsync(NewId("m"), answered, $"Are you there? {i}")).ToList();
        burst.Insert(20, channel.SendOkAsync(NewId("m"), asking, "Sales"));
        await Task.WhenAll(burst);

        var run = await app.RunAsync(waiting.ConversationId, r => r.Log.Any(e => e.NodeId == "ask-topic" && e.Outcome != Outcomes.Timeout && r.Status != RunStatus.Waiting),
            "the first run to take its answer");
        Assert.Contains(run.Log, e => e.NodeId == "ask-topic" && e.Outcome != Outcomes.Timeout);
        Assert.Equal(await app.TeamIdAsync("Sales"), (await app.AssignedConversationAsync(waiting.ConversationId)).TeamId);
    }
}
