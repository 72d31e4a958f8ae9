using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Inbound.Web.Classifier;

/// <summary>
/// A trained model loaded for prediction. ML.NET's PredictionEngine is not thread-safe, so engines are kept in a small
/// pool: each prediction takes one (or makes one), and gives it back, and runs on many threads never share one.
/// </summary>
public sealed class TopicModel
{
    private readonly MLContext _ml = new(TextClassifierTrainer.Seed);
    private readonly ITransformer _transformer;
    private readonly ConcurrentBag<PredictionEngine<TrainingSample, TopicScore>> _engines = [];

    private TopicModel(ITransformer transformer) => _transformer = transformer;

    public static TopicModel Load(byte[] bytes)
    {
        var ml = new MLContext(TextClassifierTrainer.Seed);
        using var stream = new MemoryStream(bytes);
        return new TopicModel(ml.Model.Load(stream, out _));
    }

    /// <summary>The most likely label and its probability, or null for a text with nothing to go on.</summary>
    public (string Label, double Confidence)? Predict(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!_engines.TryTake(out var engine)) engine = _ml.Model.CreatePredictionEngine<TrainingSample, TopicScore>(_transformer);
        try
        {
            var score = engine.Predict(new TrainingSample(text, ""));
            if (string.IsNullOrEmpty(score.PredictedLabel) || score.Score is not { Length: > 0 }) return null;
            return (score.PredictedLabel, score.Score.Max());
        }
        finally
        {
            _engines.Add(engine);
        }
    }
}

/// <summary>What the model's pipeline writes: the label it picked and the probability of every label.</summary>
public sealed class TopicScore
{
    public string PredictedLabel { get; set; } = "";

    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
