namespace Inbound.Web.Classifier;

/// <summary>What the designer needs of the classifier: the labels of the approved model, or null when none is approved.</summary>
public interface IApprovedClassifier
{
    Task<IReadOnlyList<string>?> ApprovedLabelsAsync(CancellationToken ct = default);
}
