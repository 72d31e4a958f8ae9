namespace Inbound.Web.Classifier;

/// <summary>The admin's choices for the workspace's classifier; one row.</summary>
public sealed class ClassifierSettings
{
    public const int SingletonId = 1;
    public const double DefaultThreshold = 0.6;

    public int Id { get; private init; } = SingletonId;

    public LabelKind LabelKind { get; set; } = LabelKind.Team;

    /// <summary>Below this confidence (0–1) a Classify step that sets none leaves by "unsure".</summary>
    public double Threshold { get; set; } = DefaultThreshold;

    /// <summary>The nightly model replaces the approved one by itself when its held-out accuracy is not worse.</summary>
    public bool AutoApprove { get; set; }
}
