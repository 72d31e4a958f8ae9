namespace Inbound.Domain.Workflows.Runs;

/// <summary>What an AI step asks the host: the contact's question, the step's instructions, the contact's language.</summary>
/// <param name="Language">The contact's language tag ("th"), or null to answer in the question's language.</param>
public sealed record AiStepRequest(string StepId, string Question, string Instructions, string? Language, int TopSources)
{
    /// <summary>
    /// The messages this step sent as its earlier answers in the conversation, so that the host can give the model the
    /// thread's history with its own words as the assistant's (a greeting of another step or an agent's reply is not).
    /// </summary>
    public IReadOnlyList<Guid> EarlierAnswerIds { get; init; } = [];
}

public enum AiAnswerKind
{
    /// <summary>The model answered from the sources.</summary>
    Answered,
    /// <summary>The contact asked for a person, or the model was unsure.</summary>
    HandOver,
    /// <summary>No answer: AI off, a timeout, an error of the service, an answer that could not be read.</summary>
    Failed,
}

/// <summary>The host's answer to an <see cref="AiStepRequest"/>: what to send, the titles of the sources it used, or why it failed.</summary>
public sealed record AiStepAnswer(AiAnswerKind Kind, string Text, IReadOnlyList<string> Sources, string? Reason = null)
{
    public static AiStepAnswer Failed(string reason) => new(AiAnswerKind.Failed, "", [], reason);
}
