namespace Inbound.Web.Classifier;

public sealed class ClassifierOptions
{
    public const string Section = "Classifier";

    /// <summary>When the nightly retraining runs, in UTC; a quiet hour, as training takes a core for a while.</summary>
    public TimeOnly NightlyAtUtc { get; set; } = new(2, 30);
}
