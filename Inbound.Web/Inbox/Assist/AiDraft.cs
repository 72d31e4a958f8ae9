namespace Inbound.Web.Inbox.Assist;

/// <summary>Why the model gave no text: the component says so in the agent's language and carries on without it.</summary>
public enum AiDraftProblem
{
    /// <summary>AI is switched off.</summary>
    Off,
    /// <summary>The service did not answer in time.</summary>
    TimedOut,
    /// <summary>The service failed, refused, or answered with nothing.</summary>
    Failed,
}

/// <summary>A text the model wrote for the agent (a reply to edit, a summary), or why there is none.</summary>
public sealed record AiDraft(string? Text, AiDraftProblem? Problem)
{
    public static AiDraft Written(string text) => new(text, null);

    public static AiDraft Missing(AiDraftProblem problem) => new(null, problem);

    public bool Succeeded => Problem is null && !string.IsNullOrWhiteSpace(Text);
}

/// <summary>Asks the model for a draft; components take one of these so they stay free of the AI client.</summary>
public delegate Task<AiDraft> AiDraftRequest(CancellationToken cancellationToken);
