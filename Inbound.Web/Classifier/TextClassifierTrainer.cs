using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Inbound.Web.Classifier;

/// <summary>
/// Trains a text classifier with ML.NET: word uni/bigrams and character trigrams (Thai is written without spaces
/// between words, so words alone would see whole sentences as one token) into a maximum-entropy multiclass model.
/// A stratified, seeded fifth of each label is held out and only used to measure the model.
/// </summary>
public static class TextClassifierTrainer
{
    public const int Seed = 17;
    public const double HeldOutShare = 0.2;

    /// <summary>Fewer past conversations than this for a label teach the model too little about it to be trusted.</summary>
    public const int DefaultMinimumPerLabel = 20;

    public static TrainingResult Train(IReadOnlyList<TrainingSample> samples, int minimumPerLabel = DefaultMinimumPerLabel, CancellationToken ct = default)
    {
        var counts = samples.GroupBy(s => s.Label).ToDictionary(g => g.Key, g => g.Count());
        var usable = counts.Where(c => c.Value >= minimumPerLabel).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        var tooFew = counts.Where(c => c.Value < minimumPerLabel).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new LabelCount(c.Key, c.Value)).ToList();
        if (usable.Count < 2) return new TrainingResult.TooLittleData(minimumPerLabel, [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new LabelCount(c.Key, c.Value))]);

        var (train, heldOut) = Split([.. samples.Where(s => usable.Contains(s.Label))]);
        ct.ThrowIfCancellationRequested();

        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(train);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            }, nameof(TrainingSample.Text)))
            // One thread: the same data gives the same model, and training leaves the other core to the inbox.
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        ct.ThrowIfCancellationRequested();

        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        var bytes = stream.ToArray();
        var metrics = Measure(TopicModel.Load(bytes), heldOut, usable);
        return new TrainingResult.Trained(bytes, usable, metrics, train.Count, heldOut.Count, tooFew);
    }

    /// <summary>Per label, a seeded shuffle and the first fifth held out: every label is measured, however small.</summary>
    private static (List<TrainingSample> Train, List<TrainingSample> HeldOut) Split(List<TrainingSample> samples)
    {
        var random = new Random(Seed);
        var train = new List<TrainingSample>();
        var heldOut = new List<TrainingSample>();
        foreach (var label in samples.GroupBy(s => s.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var shuffled = label.ToArray();
            random.Shuffle(shuffled);
            var held = Math.Max(1, (int)Math.Round(shuffled.Length * HeldOutShare));
            heldOut.AddRange(shuffled[..held]);
            train.AddRange(shuffled[held..]);
        }
        return (train, heldOut);
    }

    public static ClassifierMetrics Measure(TopicModel model, IReadOnlyList<TrainingSample> samples, IReadOnlyList<string> labels)
    {
        var predicted = samples.Select(s => (Actual: s.Label, Predicted: model.Predict(s.Text)?.Label)).ToList();
        var perLabel = labels.Select(label =>
        {
            var count = predicted.Count(p => p.Actual == label);
            var claimed = predicted.Count(p => p.Predicted == label);
            var right = predicted.Count(p => p.Actual == label && p.Predicted == label);
            return new LabelMetrics(label, claimed == 0 ? 0 : (double)right / claimed, count == 0 ? 0 : (double)right / count, count);
        }).ToList();
        var micro = predicted.Count == 0 ? 0 : (double)predicted.Count(p => p.Actual == p.Predicted) / predicted.Count;
        var measured = perLabel.Where(l => l.Count > 0).ToList();
        var macro = measured.Count == 0 ? 0 : measured.Average(l => l.Recall);
        return new ClassifierMetrics(micro, macro, perLabel);
    }
}

public sealed record LabelCount(string Label, int Count);

/// <summary>A trained model with its held-out measure, or why none was trained.</summary>
public abstract record TrainingResult
{
    /// <param name="Skipped">Labels left out for having too few conversations.</param>
    public sealed record Trained(byte[] Model, IReadOnlyList<string> Labels, ClassifierMetrics Metrics, int TrainCount, int HeldOutCount,
        IReadOnlyList<LabelCount> Skipped) : TrainingResult;

    /// <summary>Fewer than two labels have enough conversations; the counts say how far each is.</summary>
    public sealed record TooLittleData(int MinimumPerLabel, IReadOnlyList<LabelCount> Counts) : TrainingResult;
}
