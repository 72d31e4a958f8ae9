namespace Inbound.Web.Classifier;

public enum TrainingPhase
{
    Idle,
    Queued,
    Reading,
    Training,
    Done,
    TooLittleData,
    Failed,
}

/// <summary>Where the latest training is, for the page to show while it runs in the background.</summary>
/// <param name="ModelId">The model it produced, once <see cref="TrainingPhase.Done"/>.</param>
/// <param name="Samples">Conversations read, once read.</param>
public sealed record TrainingState(TrainingPhase Phase, DateTime? At = null, Guid? ModelId = null, int? Samples = null,
    TrainingResult.TooLittleData? TooLittle = null, string? Error = null)
{
    public static readonly TrainingState Idle = new(TrainingPhase.Idle);

    public bool IsRunning => Phase is TrainingPhase.Queued or TrainingPhase.Reading or TrainingPhase.Training;
}
