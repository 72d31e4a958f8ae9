using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Workflows;
using Inbound.Web.Classifier;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Classifier;

/// <summary>
/// The workspace's own past: closed conversations of three teams are trained on in the app's background worker, the
/// admin approves the model, and a published workflow with a Classify step routes a new conversation that arrives on
/// the signed channel API to the team the model predicts.
/// </summary>
public sealed class ClassifyRoutingTests : IAsyncLifetime
{
    private readonly NoWorkflowsApp _app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private ClassifierAdministration Administration => _app.Services.GetRequiredService<ClassifierAdministration>();

    private async Task<ModelSummary> TrainAsync()
    {
        var training = _app.Services.GetRequiredService<ClassifierTraining>();
        Assert.True(Administration.Train());
        var done = await Eventually.GetAsync(() => Task.FromResult(training.State.IsRunning ? null : training.State), "the training to finish", TimeSpan.FromMinutes(2));
        Assert.Equal(TrainingPhase.Done, done.Phase);
        return (await Administration.LoadAsync()).Models.Single(m => m.Id == done.ModelId);
    }

    [Fact]
    public async Task A_new_conversation_on_the_channel_api_goes_to_the_team_the_approved_model_predicts()
    {
        await _app.ClosedConversationsAsync(new PastConversations(seed: 11).Generate(perTeam: 40));
        var teams = await _app.QueryAsync(db => db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id));
        var model = await TrainAsync();
        Assert.Equal(PastConversations.Teams.Order(), model.Labels);
        Assert.Equal((96, 24), (model.TrainCount, model.HeldOutCount));

        // Before approval, publishing refuses the step: every run would be unsure.
        var workflowId = (await _app.Workflows().CreateBlankAsync("Route by topic")).Id;
        await _app.Workflows().SaveDraftAsync(workflowId, ClassifierHistory.RouteByTopic(model.Labels, teams));
        var refused = await _app.Workflows().PublishAsync(workflowId);
        Assert.Contains(refused!.Issues, i => i.Code == "ClassifierNotApproved" && i.NodeId == "classify");

        await Administration.ApproveAsync(model.Id, "Admin");
        Assert.True((await _app.Workflows().PublishAsync(workflowId))!.Published);

        // What the app predicts now, on conversations nobody trained on, is what the page reported.
        var classifier = _app.Services.GetRequiredService<TopicClassifier>();
        var fresh = new PastConversations(seed: 12).Generate(perTeam: 30);
        var right = 0;
        foreach (var sample in fresh)
            if ((await classifier.PredictAsync(sample.Text, default))?.Label == sample.Label) right++;
        Assert.InRange((double)right / fresh.Count, model.Metrics.MicroAccuracy - 0.15, model.Metrics.MicroAccuracy + 0.15);

        var channel = new ChannelClient(_app.CreateHttpClient());
        var opened = await channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "hello, I need a refund for this invoice please");

        var run = await _app.RunAsync(opened.ConversationId, r => r.Status == RunStatus.Completed, "the routing run to finish");
        var classified = Assert.Single(run.Log, e => e.NodeId == "classify");
        Assert.Equal(Outcomes.Label("Billing"), classified.Outcome);
        Assert.StartsWith("Predicted \"Billing\"", classified.Detail);
        Assert.Equal(teams["Billing"], (await _app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.Id == opened.ConversationId))).TeamId);
    }

    [Fact]
    public async Task Too_little_history_says_so_and_stores_no_model()
    {
        await _app.ClosedConversationsAsync(new PastConversations(seed: 13).Generate(perTeam: 5));
        var training = _app.Services.GetRequiredService<ClassifierTraining>();

        Assert.True(Administration.Train());
        var done = await Eventually.GetAsync(() => Task.FromResult(training.State.IsRunning ? null : training.State), "the training to finish", TimeSpan.FromMinutes(2));

        Assert.Equal(TrainingPhase.TooLittleData, done.Phase);
        Assert.All(done.TooLittle!.Counts, c => Assert.Equal(5, c.Count));
        Assert.Empty((await Administration.LoadAsync()).Models);
    }
}
