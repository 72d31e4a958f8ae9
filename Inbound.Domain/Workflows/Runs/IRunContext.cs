using Inbound.Domain.Assignment;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>What a run's steps act on and the effects they need from the host: storing messages, assigning, calling out.</summary>
public interface IRunContext
{
    Conversation Conversation { get; }
    Contact Contact { get; }
    string ChannelKey { get; }
    DateTime Now { get; }
    WorkflowNames Names { get; }

    /// <summary>The text of the contact's latest message, for branch conditions and {{message.text}}.</summary>
    string? LastMessageText { get; }

    /// <summary>
    /// The language the contact's latest message is written in, or null when the text says too little to tell. The
    /// host detects it with a library; a context without one detects nothing.
    /// </summary>
    DetectedLanguage? LastMessageLanguage => null;

    /// <summary>What {{contact.name}} says for a contact who gave no name ("Hi there!").</summary>
    string ContactNameFallback => RunVariables.DefaultContactNameFallback;

    /// <summary>The conversation's place in its team's queue, when it is queued.</summary>
    int? QueuePosition { get; }

    /// <summary>Stores a message a step added to the conversation (a reply or an internal note).</summary>
    void Store(Message message);

    /// <summary>Assigns the conversation by the step's rules, or queues it when the step says so; the decision says which and why.</summary>
    ValueTask<AssignmentDecision> AssignAsync(AssignToStep step, WorkflowRun run, CancellationToken cancellationToken);

    /// <summary>
    /// Sends an HTTP request without waiting for it: the run waits, and the host resumes it with the response (a timeout
    /// or a network error comes back as a response without status), so that a slow endpoint holds up no other run.
    /// </summary>
    void BeginSend(HttpStepRequest request, WorkflowRun run);

    /// <summary>
    /// Asks the AI without waiting for it, as <see cref="BeginSend"/> does: the host resumes the run with the answer (or
    /// a failed one). Only the workflow engine has a model service; elsewhere the step cannot run.
    /// </summary>
    void BeginAiAnswer(AiStepRequest request, WorkflowRun run) => throw new SeedWork.DomainException("The AI step runs only in the workflow engine.");

    /// <summary>
    /// What the workspace's approved classifier predicts from the contact's first messages of this conversation, or
    /// null when no model is approved (the step then takes "unsure" rather than failing the run).
    /// </summary>
    ValueTask<TopicPrediction?> ClassifyAsync(CancellationToken cancellationToken) => ValueTask.FromResult<TopicPrediction?>(null);
}

/// <param name="Label">The most likely label (a team's name or a closing category).</param>
/// <param name="Confidence">Its score, 0–1.</param>
/// <param name="DefaultThreshold">The confidence the admin set on the classifier page, used when the step sets none.</param>
public sealed record TopicPrediction(string Label, double Confidence, double DefaultThreshold);

/// <param name="Code">ISO 639-1, lower case: "th", "en".</param>
/// <param name="Name">In English: "Thai".</param>
public sealed record DetectedLanguage(string Code, string Name);

public sealed record HttpStepRequest(string Method, string Url, IReadOnlyList<HttpHeader> Headers, string? Body, TimeSpan Timeout);

/// <param name="StatusCode">Null when no response came (timeout, refused connection).</param>
public sealed record HttpStepResponse(int? StatusCode, string? Body, string? Error = null)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
