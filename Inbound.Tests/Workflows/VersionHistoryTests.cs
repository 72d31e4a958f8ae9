using Inbound.Domain.Workflows;
using Inbound.Web.Workflows.History;

namespace Inbound.Tests.Workflows;

/// <summary>The version history through the service the designer's dialog uses, and live runs after a roll back.</summary>
public class VersionHistoryTests(InboundApp app) : IClassFixture<InboundApp>
{
    private static WorkflowDefinition Tagging(string tag) => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new AddTagStep { Id = "tag", Tag = tag })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "tag")
        .Connect("tag", Outcomes.Next, "end");

    [Fact]
    public async Task A_rolled_back_version_is_listed_with_who_and_when_and_new_runs_take_it()
    {
        var created = await app.Workflows().CreateBlankAsync($"History {Guid.NewGuid():N}");
        await app.Workflows().SaveDraftAsync(created.Id, Tagging("first"));
        await app.Workflows().PublishAsync(created.Id, by: "Alex Admin");
        await app.Workflows().SaveDraftAsync(created.Id, Tagging("second"));
        await app.Workflows().PublishAsync(created.Id, by: "Sam Supervisor");
        var versions = app.Services.GetRequiredService<WorkflowVersions>();

        var diff = await versions.DiffAsync(created.Id, 1, 2);
        var (number, error) = await versions.RollBackAsync(created.Id, 1, "Alex Admin");
        var rows = await versions.ListAsync(created.Id);

        Assert.Equal("tag", Assert.Single(diff!.Changed).NodeId);
        Assert.Null(error);
        Assert.Equal(3, number);
        Assert.Equal([(3, "Alex Admin", (int?)1, true), (2, "Sam Supervisor", null, false), (1, "Alex Admin", null, false)],
            rows.Select(r => (r.Number, r.PublishedBy!, r.RolledBackFrom, r.IsLive)));
        var opened = await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "Hi");
        var run = await app.RunAsync(opened.ConversationId, r => r.WorkflowId == created.Id && r.Status == Inbound.Domain.Workflows.Runs.RunStatus.Completed, "the run");
        Assert.Equal(3, run.VersionNumber);
    }
}
