using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Knowledge;
using Microsoft.Extensions.AI;

namespace Inbound.Web.Ai;

/// <summary>
/// Answers an AI step's question off the engine's worker: retrieves the nearest passages, asks the model, reads its
/// JSON. It never throws: every failure (AI off, timeout, 5xx) comes back as a failed answer, the step's failure port.
/// </summary>
public sealed class AiStepAnswerer(AiClients clients, KnowledgeSearch search, ILogger<AiStepAnswerer> logger)
{
    /// <summary>Whether AI is on in the settings: without it every answer fails.</summary>
    public bool IsEnabled => clients.IsEnabled;

    /// <param name="history">The thread's recent turns before the question, oldest first (<see cref="AiStepHistory"/>).</param>
    public async Task<AiStepAnswer> AnswerAsync(AiStepRequest request, IReadOnlyList<AiTurn> history, CancellationToken cancellationToken)
    {
        try
        {
            var chat = clients.RequireChat();
            var sources = await search.SearchAsync(AiStepHistory.SearchText(request.Question, history), request.TopSources, cancellationToken);
            var response = await chat.GetResponseAsync(AiStepPrompt.Build(request, sources, history),
                new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Temperature = 0.2f }, cancellationToken);
            return AiStepPrompt.Read(response.Text, sources);
        }
        catch (AiUnavailableException e)
        {
            logger.LogInformation("The AI step {StepId} could not answer: {Reason}", request.StepId, e.Message);
            return AiStepAnswer.Failed(e.Message);
        }
    }
}
