using Inbound.Domain.Agents;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Workflows;

/// <summary>The designer's Runs list as the service gives it: whom each run was for, on what, with what outcome, and its search.</summary>
public class RunsListTests : IAsyncLifetime
{
    private readonly InboundApp _app = new NoWorkflowsApp();
    private Guid _workflow;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        await _app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        _workflow = await _app.PublishAsync("Straight to Sales", WorkflowTestApp.AssignStraightAway(await _app.TeamIdAsync("Sales")));
        var channel = new ChannelClient(_app.CreateHttpClient());
        var maria = await channel.SendOkAsync("runs-1", "runs-maria", "Where is my order?", "Maria Lopez");
        var tom = await channel.SendOkAsync("runs-2", "runs-tom", "A question about my 50% invoice", "Tom Baker");
        foreach (var conversation in new[] { maria.ConversationId, tom.ConversationId })
            await _app.RunAsync(conversation, r => r.Status == RunStatus.Completed, "the run to complete");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task Each_run_shows_its_contact_channel_first_message_and_outcome_newest_first()
    {
        var rows = await _app.Workflows().RunsAsync(_workflow);

        Assert.Equal(["Tom Baker", "Maria Lopez"], rows.Select(r => r.ContactName));
        var maria = rows[1];
        Assert.Equal("Where is my order?", maria.FirstMessage);
        Assert.Equal("Assigned to Ana Agent", maria.Outcome.English);
        Assert.False(string.IsNullOrEmpty(maria.ChannelName));
    }

    [Theory]
    [InlineData("maria", "Maria Lopez")]
    [InlineData("ORDER", "Maria Lopez")]
    [InlineData("50%", "Tom Baker")]
    public async Task The_search_matches_the_contact_or_the_first_message(string search, string contact)
    {
        var rows = await _app.Workflows().RunsAsync(_workflow, search);

        Assert.Equal([contact], rows.Select(r => r.ContactName));
    }

    [Fact]
    public async Task The_search_matches_the_agent_the_conversation_went_to_and_nothing_else()
    {
        Assert.Equal(2, (await _app.Workflows().RunsAsync(_workflow, "ana agent")).Count);
        Assert.Empty(await _app.Workflows().RunsAsync(_workflow, "nobody like this"));
    }
}
