using Inbound.Domain.Texts;
using Inbound.Domain.Assignment;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Workflows.Engine;

namespace Inbound.Web.Workflows.Simulator;

/// <summary>
/// The run's ports with every side effect kept in memory: messages go to the chat pane, the assignment is decided
/// from today's real agents but only applied to the simulated conversation, an HTTP call is held for the simulator
/// to make (if the admin allowed it for that step) or to answer with "not called", an AI step's question is held for
/// the simulator to ask the configured model. The interpreter is the engine's.
/// </summary>
internal sealed class SimulatedRunContext(Conversation conversation, Contact contact, string channelKey, AgentRoster roster,
    IReadOnlyDictionary<Guid, int> queueLengths, WorkflowNames names, MessageLanguages languages, string contactNameFallback) : IRunContext
{
    public Conversation Conversation => conversation;
    public Contact Contact => contact;
    public string ChannelKey => channelKey;
    public DateTime Now { get; set; }
    public WorkflowNames Names => names;
    public string? LastMessageText { get; set; }
    public DetectedLanguage? LastMessageLanguage => languages.Detect(LastMessageText);
    public int? QueuePosition { get; private set; }
    public string ContactNameFallback => contactNameFallback;

    /// <summary>The thread as the simulated conversation has it, in order.</summary>
    public List<Message> Thread { get; } = [];

    public AssignmentDecision? LastDecision { get; private set; }

    public (HttpStepRequest Request, string StepId)? PendingHttp { get; private set; }

    public void Store(Message message) => Thread.Add(message);

    public void AddContactMessage(Message message) => Thread.Add(message);

    /// <summary>The approved model predicts from the simulated contact's messages, as the engine's would.</summary>
    public Classifier.TopicClassifier? Classifier { get; init; }

    public async ValueTask<TopicPrediction?> ClassifyAsync(CancellationToken cancellationToken) => Classifier is null ? null
        : await Classifier.PredictAsync(Web.Classifier.ClassifierText.Compose(Thread.Where(m => m.AuthorKind == AuthorKind.Contact).Select(m => m.Body)), cancellationToken);

    public ValueTask<AssignmentDecision> AssignAsync(AssignToStep step, WorkflowRun run, CancellationToken cancellationToken)
    {
        if (conversation.AssigneeId is { } current)
            return ValueTask.FromResult(LastDecision = AssignmentDecision.Of(current, Phrase.Of(PhraseCode.AssignAlreadyAssigned, "Already assigned to {0}; left with them.", names.Agent(current)), []));
        var decision = AssignmentPlanner.Decide(step, AssignmentCandidates.For(step, roster.Agents, roster.TeamMembers, roster.Open));
        if (decision.ChosenAgentId is { } agentId)
        {
            conversation.AssignTo(agentId, step.Target == AssignTarget.Team ? step.TeamId : null, Now);
            Thread.Add(conversation.AddNote(AuthorKind.System, null, Phrase.Of(PhraseCode.NoteWouldBeAssigned, "Would be assigned to {0}", names.Agent(agentId)), Now));
        }
        else if (step is { Target: AssignTarget.Team, QueueWhenNobodyAvailable: true, TeamId: { } teamId })
        {
            conversation.RouteToTeam(teamId, Now);
            // Behind everyone waiting in the team's queue today.
            QueuePosition = queueLengths.GetValueOrDefault(teamId) + 1;
            decision = decision with { QueuePosition = QueuePosition };
        }
        LastDecision = decision;
        return ValueTask.FromResult(decision);
    }

    public void BeginSend(HttpStepRequest request, WorkflowRun run) => PendingHttp = (request, run.CurrentNodeId ?? "");

    public void ClearPendingHttp() => PendingHttp = null;

    public AiStepRequest? PendingAi { get; private set; }

    public void BeginAiAnswer(AiStepRequest request, WorkflowRun run) => PendingAi = request;

    public void ClearPendingAi() => PendingAi = null;
}
