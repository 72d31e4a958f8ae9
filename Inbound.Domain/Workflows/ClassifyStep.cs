using System.Globalization;

namespace Inbound.Domain.Workflows;

/// <summary>
/// Predicts the conversation's team or topic from the contact's first messages with the workspace's approved text
/// classifier, and leaves by the predicted label's outcome, or by "unsure" when the top score is below the threshold.
/// The labels are those of the model approved when the admin set the step up: the ports stay stable while a retrained
/// model with the same labels replaces it.
/// </summary>
public sealed class ClassifyStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.Classify;
    protected override string KindNameValue => "Classify";

    /// <summary>The approved model's labels, one outcome each.</summary>
    public List<string> Labels { get; set; } = [];

    /// <summary>The confidence (0–1) the top label needs; null uses the one set on the classifier page.</summary>
    public double? Threshold { get; set; }

    public override IReadOnlyList<NodeOutcome> Outcomes() =>
        [.. Labels.Select(l => new NodeOutcome(Workflows.Outcomes.Label(l), l)), new NodeOutcome(Workflows.Outcomes.Unsure, "Unsure")];

    public override Phrase Summarize(WorkflowNames names)
    {
        if (Labels.Count == 0) return Phrase.Of(PhraseCode.SummaryClassifyNoModel, "No model chosen yet");
        var labels = new PhraseList(" · ", [.. Labels]);
        return Threshold is { } threshold
            ? Phrase.Of(PhraseCode.SummaryClassify, "{0} · unsure below {1}", labels, threshold.ToString("P0", CultureInfo.InvariantCulture))
            : Phrase.Of(PhraseCode.SummaryClassifyPageConfidence, "{0} · unsure below the classifier page's confidence", labels);
    }

    public override IEnumerable<Phrase> Problems()
    {
        if (Labels.Count == 0)
            yield return Phrase.Of(PhraseCode.ProblemClassifyNoModel, "Approve a classifier model (Settings → Classifier), then take its labels here.");
        if (Labels.Any(string.IsNullOrWhiteSpace) || Labels.Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Labels.Count)
            yield return Phrase.Of(PhraseCode.ProblemClassifyLabelsUnique, "Each label must be named once.");
        if (Threshold is < 0 or > 1) yield return Phrase.Of(PhraseCode.ProblemClassifyConfidence, "The confidence is between 0 % and 100 %.");
    }
}
