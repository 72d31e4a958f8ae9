using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Workflows;
using Inbound.Web.Accounts.Skills;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Workflows;

/// <summary>Skills on agents, steps that require them, and a branch on the language the contact writes in.</summary>
public class SkillRoutingTests : IAsyncLifetime
{
    private readonly InboundApp _app = new NoWorkflowsApp();
    private ChannelClient _channel = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        _channel = new ChannelClient(_app.CreateHttpClient());
        // Support: Ben and Carla, both online with room; only Carla speaks Thai.
        await _app.SetAvailabilityAsync("ben@inbound.local", AgentAvailability.Online);
        await _app.SetAvailabilityAsync("carla@inbound.local", AgentAvailability.Online);
        await _app.Services.GetRequiredService<AgentSkills>().SetAsync(await _app.AgentIdAsync("carla@inbound.local"), ["Thai", "refunds"]);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task<Guid> NewConversationAsync(string text) =>
        (await _channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", text)).ConversationId;

    /// <summary>trigger → branch on the message language: Thai → assign needing "thai" (queued when busy), else → tag.</summary>
    private async Task PublishThaiRoutingAsync() => await _app.PublishAsync("Thai speakers", new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new BranchStep
        {
            Id = "language",
            Rules = [new BranchRule { Id = "thai", Label = "Thai", Conditions = [new() { Subject = ConditionSubject.MessageLanguage, Value = "th" }] }],
        })
        .Add(new AssignToStep
        {
            Id = "assign-thai", TeamId = await _app.TeamIdAsync("Support"), RequiredSkills = ["thai"], QueueWhenNobodyAvailable = true,
            Strategy = AssignmentStrategy.RoundRobin,
        })
        .Add(new AddTagStep { Id = "other", Tag = "other-language" })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "language")
        .Connect("language", Outcomes.Rule("thai"), "assign-thai")
        .Connect("language", Outcomes.Else, "other")
        .Connect("assign-thai", Outcomes.Assigned, "end")
        .Connect("assign-thai", Outcomes.NobodyAvailable, "end")
        .Connect("other", Outcomes.Next, "end"));

    [Fact]
    public async Task A_Thai_message_takes_the_Thai_branch_and_goes_only_to_an_agent_who_speaks_Thai()
    {
        await PublishThaiRoutingAsync();
        var carla = await _app.AgentIdAsync("carla@inbound.local");
        var ben = await _app.AgentIdAsync("ben@inbound.local");

        // Round robin would give Ben every other one if the skill did not count.
        var thai = new List<Guid>();
        for (var i = 0; i < 3; i++) thai.Add(await NewConversationAsync("สวัสดีครับ ผมต้องการคืนสินค้า"));
        var english = await NewConversationAsync("Hello, I would like to return my order please");

        foreach (var id in thai) Assert.Equal(carla, (await _app.AssignedConversationAsync(id)).AssigneeId);
        var englishRun = await _app.RunAsync(english, r => r.Status == Inbound.Domain.Workflows.Runs.RunStatus.Completed, "the English run to finish");
        Assert.Contains(englishRun.Log, e => e.NodeId == "other");
        var thaiRun = await _app.RunAsync(thai[0], r => r.Log.Any(e => e.NodeId == "assign-thai"), "the Thai run to assign");
        var decision = thaiRun.Log.Single(e => e.NodeId == "assign-thai").Decision!;
        var benVerdict = decision.Candidates.Single(c => c.AgentId == ben);
        Assert.Equal(Verdict.LacksSkills, benVerdict.Verdict);
        Assert.Equal("lacks thai", benVerdict.Reason);
    }

    [Fact]
    public async Task A_conversation_queued_for_a_skill_goes_to_an_agent_as_soon_as_they_gain_it()
    {
        await PublishThaiRoutingAsync();
        await _app.SetAvailabilityAsync("carla@inbound.local", AgentAvailability.Offline);
        var thai = await NewConversationAsync("ขอบคุณมากครับ ช่วยตรวจสอบคำสั่งซื้อให้หน่อย");
        await Eventually.TrueAsync(() => _app.QueryAsync(db => db.TeamQueue.AnyAsync(q => q.ConversationId == thai)), "the Thai conversation to wait in the queue");
        Assert.Null((await _app.QueryAsync(db => db.Conversations.SingleAsync(c => c.Id == thai))).AssigneeId);

        await _app.Services.GetRequiredService<AgentSkills>().SetAsync(await _app.AgentIdAsync("ben@inbound.local"), ["thai"]);

        Assert.Equal(await _app.AgentIdAsync("ben@inbound.local"), (await _app.AssignedConversationAsync(thai)).AssigneeId);
    }

    [Fact]
    public async Task The_assignee_and_supervisors_see_in_the_thread_why_it_came_to_the_assignee()
    {
        await PublishThaiRoutingAsync();
        var thai = await NewConversationAsync("สวัสดีครับ ผมต้องการคืนสินค้า");
        await _app.AssignedConversationAsync(thai);
        await _app.RunAsync(thai, r => r.Status == Inbound.Domain.Workflows.Runs.RunStatus.Completed, "the run to finish");
        var viewers = _app.Services.GetRequiredService<Inbound.Web.Inbox.InboxViewers>();
        var queries = _app.Services.GetRequiredService<Inbound.Web.Inbox.InboxQueries>();

        async Task<Inbound.Web.Inbox.AssignmentExplanation?> SeenByAsync(string email)
        {
            await using var user = await InboxUser.SignInAsync(_app, email);
            var viewer = new Inbound.Web.Inbox.InboxViewer("", user.AgentId, email, email.StartsWith("supervisor") ? "Supervisor" : "Agent",
                (await _app.QueryAsync(db => db.TeamMembers.Where(m => m.AgentId == user.AgentId).Select(m => m.TeamId).ToListAsync())).ToHashSet());
            var thread = await queries.GetThreadAsync(viewer, thai);
            return thread?.WhyAssigned;
        }

        var forCarla = await SeenByAsync("carla@inbound.local");
        var forSupervisor = await SeenByAsync("supervisor@inbound.local");

        Assert.NotNull(forCarla);
        Assert.Contains("Round robin: Carla Agent", forCarla.Rule);
        Assert.Contains(forCarla.Candidates, c => c.Name == "Ben Agent" && c.Reason == "lacks thai");
        Assert.Equal(forCarla.Rule, forSupervisor!.Rule);
    }
}
