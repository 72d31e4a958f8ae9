namespace Inbound.Web.Classifier;

/// <summary>What a classifier learns to predict from a closed conversation.</summary>
public enum LabelKind
{
    /// <summary>The team that handled it.</summary>
    Team,

    /// <summary>The category it was closed with.</summary>
    ClosingCategory,
}
