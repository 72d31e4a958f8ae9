using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Workflows;
using Inbound.Tests.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Admin;

/// <summary>A deactivated person is never chosen, even by a step that also takes offline agents.</summary>
public class DeactivatedAgentAssignmentTests : IAsyncLifetime
{
    private readonly InboundApp _app = new NoWorkflowsApp();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_step_that_also_takes_offline_agents_passes_over_a_deactivated_one()
    {
        await _app.PublishAsync("Anyone in Support", new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new AssignToStep
            {
                Id = "assign", TeamId = await _app.TeamIdAsync("Support"), OnlineOnly = false, RespectCapacity = false,
                Strategy = AssignmentStrategy.RoundRobin,
            })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "assign")
            .Connect("assign", Outcomes.Assigned, "end")
            .Connect("assign", Outcomes.NobodyAvailable, "end"));
        var ben = await _app.AgentIdAsync("ben@inbound.local");
        await using var admin = await InboxUser.SignInAsync(_app, "admin@inbound.local");
        var benUserId = await _app.QueryAsync(db => db.Users.Where(u => u.AgentId == ben).Select(u => u.Id).SingleAsync());
        (await admin.Http().PostAsync($"api/admin/users/{benUserId}/deactivate", null)).EnsureSuccessStatusCode();
        var channel = new ChannelClient(_app.CreateHttpClient());

        // Round robin over Support would give Ben one of these if he still counted.
        var assignees = new List<Guid?>();
        for (var i = 0; i < 3; i++)
        {
            var opened = await channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hello");
            assignees.Add((await _app.AssignedConversationAsync(opened.ConversationId)).AssigneeId);
        }

        Assert.DoesNotContain(ben, assignees);
        var run = await _app.RunAsync(await _app.QueryAsync(db => db.Conversations.OrderBy(c => c.OpenedAt).Select(c => c.Id).LastAsync()),
            r => r.Log.Any(e => e.NodeId == "assign"), "the run to assign");
        Assert.DoesNotContain(run.Log.Single(e => e.NodeId == "assign").Decision!.Candidates, c => c.AgentId == ben && c.Verdict == Verdict.Chosen);
    }
}
