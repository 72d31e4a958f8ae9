using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Classifier;

/// <summary>Trains one requested model at a time, off any request or circuit, and stores it with its held-out measure.</summary>
internal sealed class ClassifierTrainingWorker(
    ClassifierTraining training,
    IDbContextFactory<InboundDbContext> dbFactory,
    TopicClassifier classifier,
    TimeProvider clock,
    ILogger<ClassifierTrainingWorker> logger) : BackgroundService
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in training.Requests.ReadAllAsync(stoppingToken))
        {
            try
            {
                await TrainAsync(request, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Training the classifier failed");
                training.Report(new TrainingState(TrainingPhase.Failed, Now, Error: ex.Message));
            }
        }
    }

    private async Task TrainAsync(TrainingRequest request, CancellationToken ct)
    {
        training.Report(new TrainingState(TrainingPhase.Reading, Now));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await ClassifierAdministration.SettingsAsync(db, ct);
        var samples = await TrainingSet.ReadAsync(db, settings.LabelKind, ct);

        training.Report(new TrainingState(TrainingPhase.Training, Now, Samples: samples.Count));
        // ML.NET trains synchronously; on a pool thread of its own it leaves this worker's loop and the app responsive.
        var result = await Task.Run(() => TextClassifierTrainer.Train(samples, ct: ct), ct);
        if (result is TrainingResult.TooLittleData tooLittle)
        {
            training.Report(new TrainingState(TrainingPhase.TooLittleData, Now, Samples: samples.Count, TooLittle: tooLittle));
            return;
        }

        var model = new ClassifierModel((TrainingResult.Trained)result, settings.LabelKind, Now, request.Nightly);
        db.Add(model);
        var approved = await db.Set<ClassifierModel>().Where(m => m.ApprovedAt != null && m.RetiredAt == null).FirstOrDefaultAsync(ct);
        if (request.Nightly && settings.AutoApprove && approved is not null && ReplacesAutomatically(model, approved))
        {
            approved.Retire(Now);
            model.Approve("Nightly retraining", Now);
        }
        await db.SaveChangesAsync(ct);
        if (model.IsApproved) classifier.Invalidate();
        training.Report(new TrainingState(TrainingPhase.Done, Now, model.Id, samples.Count));
    }

    /// <summary>
    /// Not worse on either accuracy, and the same labels: a model with other labels would leave published Classify
    /// steps with ports it never takes, so the admin approves that one after looking at the workflows.
    /// </summary>
    internal static bool ReplacesAutomatically(ClassifierModel candidate, ClassifierModel approved) =>
        candidate.LabelKind == approved.LabelKind
        && candidate.Labels.ToHashSet(StringComparer.Ordinal).SetEquals(approved.Labels)
        && candidate.Metrics.MicroAccuracy >= approved.Metrics.MicroAccuracy
        && candidate.Metrics.MacroAccuracy >= approved.Metrics.MacroAccuracy;
}
