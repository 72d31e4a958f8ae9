using System.Globalization;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>What a Classify step does: asks the host's classifier and takes the predicted label's outcome, or "unsure".</summary>
internal static class TopicClassification
{
    public static async ValueTask<StepResult> ExecuteAsync(ClassifyStep step, WorkflowRun run, IRunContext context, CancellationToken ct)
    {
        var prediction = await context.ClassifyAsync(ct);
        if (prediction is null) return StepResult.Outcome(Outcomes.Unsure, Phrase.Of(PhraseCode.RunNoClassifier, "No classifier model is approved; unsure"));

        var confidence = prediction.Confidence.ToString("P0", CultureInfo.InvariantCulture);
        run.SetVariable("classify.label", prediction.Label);
        run.SetVariable("classify.confidence", prediction.Confidence.ToString("0.###", CultureInfo.InvariantCulture));
        var threshold = step.Threshold ?? prediction.DefaultThreshold;
        var label = step.Labels.FirstOrDefault(l => string.Equals(l.Trim(), prediction.Label, StringComparison.OrdinalIgnoreCase));
        if (label is null)
            return StepResult.Outcome(Outcomes.Unsure, Phrase.Of(PhraseCode.RunPredictedNoOutcome, "Predicted \"{0}\" ({1}), which this step has no outcome for; unsure", prediction.Label, confidence));
        if (prediction.Confidence < threshold)
            return StepResult.Outcome(Outcomes.Unsure, Phrase.Of(PhraseCode.RunPredictedBelow, "Predicted \"{0}\" ({1}), below {2}; unsure",
                prediction.Label, confidence, threshold.ToString("P0", CultureInfo.InvariantCulture)));
        return StepResult.Outcome(Outcomes.Label(label), Phrase.Of(PhraseCode.RunPredicted, "Predicted \"{0}\" ({1})", prediction.Label, confidence));
    }
}
