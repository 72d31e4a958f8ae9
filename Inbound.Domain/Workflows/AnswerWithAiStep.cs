namespace Inbound.Domain.Workflows;

/// <summary>
/// Answers the contact from the workspace's knowledge articles with the AI model, in the contact's language, turn by
/// turn, until the contact is helped (<c>answered</c>), needs a person (<c>handOver</c>) or the service fails
/// (<c>failure</c>). Every outcome is a port, so a workflow always goes on to routing and assignment.
/// </summary>
public sealed class AnswerWithAiStep : StepNode
{
    public const string DefaultInstructions = "You are the friendly support assistant of our business. Keep answers short.";

    protected override NodeKind KindValue => NodeKind.AnswerWithAi;
    protected override string KindNameValue => "Answer with AI";

    /// <summary>What the model is told about its role and tone, before the sources.</summary>
    public string Instructions { get; set; } = DefaultInstructions;

    /// <summary>How many answers the AI gives before it hands over to a person.</summary>
    public int MaxTurns { get; set; } = 3;

    /// <summary>How many passages of the articles the model gets with each question.</summary>
    public int TopSources { get; set; } = 3;

    /// <summary>How long to wait for the contact's follow-up after an answer; none coming means the answer helped.</summary>
    public int FollowUpMinutes { get; set; } = 10;

    public override IReadOnlyList<NodeOutcome> Outcomes() =>
    [
        new(Workflows.Outcomes.Answered, "Answered"),
        new(Workflows.Outcomes.HandOver, "Hand over to a person"),
        new(Workflows.Outcomes.Failure, "Failure"),
    ];

    public override Phrase Summarize(WorkflowNames names) => Phrase.Parts(
    [
        Phrase.Of(PhraseCode.SummaryAnswerWithAi, "Answer from knowledge, up to {0} times, {1} sources per question", MaxTurns, TopSources),
        Phrase.Of(PhraseCode.SummaryFollowUpWithin, "follow-up within {0}", Durations.Of(FollowUpMinutes)),
    ]);

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Instructions)) yield return Phrase.Of(PhraseCode.ProblemAiInstructionsMissing, "Write the instructions for the AI.");
        if (MaxTurns is < 1 or > 20) yield return Phrase.Of(PhraseCode.ProblemAiTurns, "Let the AI answer between 1 and 20 times before handing over.");
        if (TopSources is < 1 or > 10) yield return Phrase.Of(PhraseCode.ProblemAiSources, "Give the AI between 1 and 10 sources per question.");
        if (FollowUpMinutes is < 1 or > 1440) yield return Phrase.Of(PhraseCode.ProblemAiFollowUp, "Wait between one minute and a day for the contact's follow-up.");
    }
}
