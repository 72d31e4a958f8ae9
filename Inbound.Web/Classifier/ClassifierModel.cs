namespace Inbound.Web.Classifier;

/// <summary>
/// One trained classifier, kept with what it was measured at on held-out conversations, so that an admin sees how
/// good it is before approving it. At most one model is approved at a time: it is the one Classify steps use.
/// </summary>
public sealed class ClassifierModel
{
    private ClassifierModel() { Bytes = []; }

    public ClassifierModel(TrainingResult.Trained trained, LabelKind labelKind, DateTime trainedAt, bool nightly)
    {
        Bytes = trained.Model;
        LabelKind = labelKind;
        Labels = [.. trained.Labels];
        Metrics = trained.Metrics;
        TrainCount = trained.TrainCount;
        HeldOutCount = trained.HeldOutCount;
        TrainedAt = trainedAt;
        Nightly = nightly;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public byte[] Bytes { get; private set; }
    public LabelKind LabelKind { get; private set; }
    public List<string> Labels { get; private set; } = [];
    public ClassifierMetrics Metrics { get; private set; } = new(0, 0, []);
    public int TrainCount { get; private set; }
    public int HeldOutCount { get; private set; }
    public DateTime TrainedAt { get; private set; }

    /// <summary>Trained by the nightly retraining rather than by an admin.</summary>
    public bool Nightly { get; private set; }

    public DateTime? ApprovedAt { get; private set; }
    public string? ApprovedBy { get; private set; }

    /// <summary>When a later approval replaced it.</summary>
    public DateTime? RetiredAt { get; private set; }

    public bool IsApproved => ApprovedAt is not null && RetiredAt is null;

    public void Approve(string by, DateTime now)
    {
        ApprovedAt = now;
        ApprovedBy = by;
        RetiredAt = null;
    }

    public void Retire(DateTime now) => RetiredAt = now;
}
