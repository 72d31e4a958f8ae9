using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Workflows;

/// <summary>Many conversations arriving at once, through the real endpoint, with a workflow that assigns straight away.</summary>
public class AssignmentConcurrencyTests : IAsyncLifetime
{
    private readonly InboundApp _app = new NoWorkflowsApp();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task PublishAssignToSupportAsync(string name) =>
        await _app.PublishAsync(name, WorkflowTestApp.AssignStraightAway(await _app.TeamIdAsync("Support")));

    private async Task<Guid[]> SendManyAsync(int count)
    {
        var channel = new ChannelClient(_app.CreateHttpClient());
        var sent = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", $"Hello {i}")));
        return [.. sent.Select(s => s.ConversationId)];
    }

    private Task<Dictionary<Guid, int>> AssignedPerAgentAsync() => _app.QueryAsync(db => db.Conversations
        .Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null)
        .GroupBy(c => c.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() })
        .ToDictionaryAsync(x => x.Key, x => x.Count));

    private Task WaitForRunsAsync(Guid[] conversations) => Eventually.TrueAsync(async () =>
        await _app.QueryAsync(db => db.WorkflowRuns.CountAsync(r => conversations.Contains(r.ConversationId) && r.Status == RunStatus.Completed)) == conversations.Length,
        "every run to complete", TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Round_robin_over_many_simultaneous_conversations_gives_each_online_agent_the_same_number()
    {
        foreach (var email in new[] { "ben@inbound.local", "carla@inbound.local", "supervisor@inbound.local" })
        {
            await _app.SetCapacityAsync(email, 100);
            await _app.SetAvailabilityAsync(email, AgentAvailability.Online);
        }
        await PublishAssignToSupportAsync("Straight to Support");

        var conversations = await SendManyAsync(90);
        await WaitForRunsAsync(conversations);

        var perAgent = await AssignedPerAgentAsync();
        Assert.Equal([30, 30, 30], perAgent.Values.Order());
    }

    [Fact]
    public async Task Simultaneous_conversations_never_push_an_agent_past_capacity_even_with_two_workflows_assigning()
    {
        foreach (var email in new[] { "ben@inbound.local", "carla@inbound.local" })
        {
            await _app.SetCapacityAsync(email, 4);
            await _app.SetAvailabilityAsync(email, AgentAvailability.Online);
        }
        await PublishAssignToSupportAsync("Straight to Support");
        await PublishAssignToSupportAsync("Also straight to Support");

        var conversations = await SendManyAsync(30);
        await Eventually.TrueAsync(async () =>
            await _app.QueryAsync(db => db.WorkflowRuns.CountAsync(r => conversations.Contains(r.ConversationId) && r.Status == RunStatus.Completed)) == 2 * conversations.Length,
            "both workflows' runs to complete", TimeSpan.FromSeconds(30));

        var perAgent = await AssignedPerAgentAsync();
        Assert.Equal([4, 4], perAgent.Values.Order());
        var runs = await _app.QueryAsync(db => db.WorkflowRuns.AsNoTracking().Where(r => conversations.Contains(r.ConversationId)).ToListAsync());
        Assert.Equal(8, runs.Count(r => r.Log.Any(e => e.Decision is { Candidates.Count: > 0, Assigned: true })));
        Assert.Equal(8, runs.Count(r => r.Log.Any(e => e.Detail.StartsWith("Already assigned to"))));
    }
}

/// <summary>Two app nodes on one database, each with its own engine, assigning from the same team at once.</summary>
public class TwoNodeAssignmentTests
{
    [Fact]
    public async Task Two_nodes_assigning_at_once_never_push_an_agent_past_capacity()
    {
        var first = new NoWorkflowsApp();
        await ((IAsyncLifetime)first).InitializeAsync();
        var second = InboundApp.SecondNodeOf(first);
        try
        {
            await first.PublishAsync("Straight to Support", WorkflowTestApp.AssignStraightAway(await first.TeamIdAsync("Support")));
            foreach (var email in new[] { "ben@inbound.local", "carla@inbound.local" })
            {
                await first.SetCapacityAsync(email, 5);
                await first.SetAvailabilityAsync(email, AgentAvailability.Online);
            }
            await ((IAsyncLifetime)second).InitializeAsync();

            var channels = new[] { new ChannelClient(first.CreateHttpClient()), new ChannelClient(second.CreateHttpClient()) };
            var sent = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
                channels[i % 2].SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", $"Hello {i}")));
            var ids = sent.Select(s => s.ConversationId).ToArray();
            await Eventually.TrueAsync(async () =>
                await first.QueryAsync(db => db.WorkflowRuns.CountAsync(r => ids.Contains(r.ConversationId) && r.Status == RunStatus.Completed)) == ids.Length,
                "every run on both nodes to complete", TimeSpan.FromSeconds(60));

            var perAgent = await first.QueryAsync(db => db.Conversations
                .Where(c => c.Status == ConversationStatus.Open && c.AssigneeId != null)
                .GroupBy(c => c.AssigneeId!.Value).Select(g => g.Count()).ToListAsync());
            Assert.Equal([5, 5], perAgent.Order());
        }
        finally
        {
            await second.DisposeAsync();
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }
}
