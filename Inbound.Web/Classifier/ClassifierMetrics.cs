namespace Inbound.Web.Classifier;

/// <summary>
/// How a model did on the held-out conversations it never trained on. Micro accuracy counts every conversation alike;
/// macro accuracy is the mean of the labels' recalls, so a small team predicted badly shows even when a big one hides it.
/// </summary>
public sealed record ClassifierMetrics(double MicroAccuracy, double MacroAccuracy, IReadOnlyList<LabelMetrics> Labels);

/// <param name="Count">Held-out conversations with this label.</param>
public sealed record LabelMetrics(string Label, double Precision, double Recall, int Count);
