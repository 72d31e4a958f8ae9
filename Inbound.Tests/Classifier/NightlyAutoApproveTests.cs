using Inbound.Web.Classifier;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Classifier;

/// <summary>
/// The nightly model against the approved one, in the app's own background services: the clock reaches 02:30, the
/// worker trains on the workspace's past, and the admin's auto-approve setting and the held-out accuracy decide
/// whether Classify steps use the new model from then on.
/// </summary>
public sealed class NightlyAutoApproveTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Evening = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Night = new(2026, 12, 2, 2, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Evening);
    private readonly InboundApp _app;

    public NightlyAutoApproveTests() => _app = new NoWorkflowsApp().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        await _app.ClosedConversationsAsync(new PastConversations(seed: 21).Generate(perTeam: 40));
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private ClassifierAdministration Administration => _app.Services.GetRequiredService<ClassifierAdministration>();

    [Fact]
    public async Task With_auto_approve_a_nightly_model_not_worse_than_the_approved_one_replaces_it_and_classify_uses_it()
    {
        var approved = await ApprovedModelAsync(heldOutAccuracy: 0.5);
        await Administration.SaveSettingsAsync(LabelKind.Team, 0.4, autoApprove: true);
        Assert.Equal("Sales", await PredictAsync("refund invoice charged twice"));

        var nightly = await NightPassesAsync();

        var overview = await Administration.LoadAsync();
        Assert.True(nightly.Nightly);
        Assert.Equal(nightly.Id, overview.Approved!.Id);
        Assert.Equal("Nightly retraining", overview.Approved.ApprovedBy);
        Assert.NotNull(overview.Models.Single(m => m.Id == approved).RetiredAt);
        // The model Classify steps use is the nightly one: it tells a refund from a sale again.
        Assert.Equal("Billing", await PredictAsync("refund invoice charged twice"));
    }

    [Fact]
    public async Task With_auto_approve_a_worse_nightly_model_waits_for_the_admin()
    {
        var approved = await ApprovedModelAsync(heldOutAccuracy: 1.0);
        await Administration.SaveSettingsAsync(LabelKind.Team, 0.4, autoApprove: true);

        var nightly = await NightPassesAsync();

        var overview = await Administration.LoadAsync();
        Assert.Equal(approved, overview.Approved!.Id);
        Assert.Null(overview.Models.Single(m => m.Id == nightly.Id).ApprovedAt);
        Assert.Equal("Sales", await PredictAsync("refund invoice charged twice"));
    }

    [Fact]
    public async Task Without_auto_approve_even_a_better_nightly_model_waits_for_the_admin()
    {
        var approved = await ApprovedModelAsync(heldOutAccuracy: 0.5);
        await Administration.SaveSettingsAsync(LabelKind.Team, 0.4, autoApprove: false);

        var nightly = await NightPassesAsync();

        var overview = await Administration.LoadAsync();
        Assert.Equal(approved, overview.Approved!.Id);
        Assert.Null(overview.Models.Single(m => m.Id == nightly.Id).ApprovedAt);
        Assert.Equal("Sales", await PredictAsync("refund invoice charged twice"));
    }

    /// <summary>
    /// An approved model with the workspace's labels that mixes Billing up with Sales (so that the test sees which model
    /// predicts), reported at the given held-out accuracy.
    /// </summary>
    private async Task<Guid> ApprovedModelAsync(double heldOutAccuracy)
    {
        var mixedUp = new PastConversations(seed: 22).Generate(perTeam: 40)
            .Select(s => new TrainingSample(s.Text, s.Label switch { "Billing" => "Sales", "Sales" => "Billing", var same => same }));
        var trained = Assert.IsType<TrainingResult.Trained>(TextClassifierTrainer.Train([.. mixedUp]));
        var model = new ClassifierModel(trained with { Metrics = trained.Metrics with { MicroAccuracy = heldOutAccuracy, MacroAccuracy = heldOutAccuracy } },
            LabelKind.Team, Evening.UtcDateTime.AddDays(-7), nightly: false);
        model.Approve("Admin", Evening.UtcDateTime.AddDays(-7));
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync())
        {
            db.Add(model);
            await db.SaveChangesAsync();
        }
        _app.Services.GetRequiredService<TopicClassifier>().Invalidate();
        return model.Id;
    }

    /// <summary>Moves the clock to 02:30 and waits for the nightly training it starts to be stored.</summary>
    private async Task<ModelSummary> NightPassesAsync()
    {
        var retraining = _app.Services.GetServices<IHostedService>().OfType<NightlyClassifierRetraining>().Single();
        await Eventually.TrueAsync(() => Task.FromResult(retraining.NextRunAt == Night), "the retraining to wait for the night");
        _clock.Advance(Night - _clock.GetUtcNow());
        var training = _app.Services.GetRequiredService<ClassifierTraining>();
        var done = await Eventually.GetAsync(() => Task.FromResult(training.State is { Phase: TrainingPhase.Done or TrainingPhase.Failed or TrainingPhase.TooLittleData } state ? state : null),
            "the nightly training to finish", TimeSpan.FromMinutes(2));
        Assert.Equal(TrainingPhase.Done, done.Phase);
        return (await Administration.LoadAsync()).Models.Single(m => m.Id == done.ModelId);
    }

    private async Task<string?> PredictAsync(string text) =>
        (await _app.Services.GetRequiredService<TopicClassifier>().PredictAsync(text, CancellationToken.None))?.Label;
}
