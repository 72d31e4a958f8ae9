using Inbound.Domain.Texts;
using Inbound.Domain.Assignment;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;

namespace Inbound.Web.Workflows.Engine;

/// <summary>What one run sees inside an engine batch: the tracked conversation and contact, and the batch's shared agent pool.</summary>
internal sealed class RunContext(
    InboundDbContext db,
    AgentPool pool,
    List<(Guid RunId, Guid ConversationId, HttpStepRequest Request)> httpCalls,
    List<(Guid RunId, Guid ConversationId, AiStepRequest Request)> aiCalls,
    Conversation conversation,
    Contact contact,
    string channelKey,
    string? lastMessageText,
    int? queuePosition,
    DateTime now,
    string contactNameFallback,
    MessageLanguages languages,
    PublishedWorkflows published,
    Classifier.TopicClassifier classifier) : IRunContext
{
    private DetectedLanguage? _language;
    private bool _languageDetected;

    public Conversation Conversation => conversation;
    public Contact Contact => contact;
    public string ChannelKey => channelKey;
    public DateTime Now => now;
    public WorkflowNames Names => pool.Names;
    public string? LastMessageText => lastMessageText;

    /// <summary>Detected once per run activation, and only when a branch asks.</summary>
    public DetectedLanguage? LastMessageLanguage
    {
        get
        {
            if (!_languageDetected) (_language, _languageDetected) = (languages.Detect(lastMessageText), true);
            return _language;
        }
    }
    public int? QueuePosition { get; private set; } = queuePosition;
    public string ContactNameFallback => contactNameFallback;

    public void Store(Message message) => db.Messages.Add(message);

    public async ValueTask<AssignmentDecision> AssignAsync(AssignToStep step, WorkflowRun run, CancellationToken cancellationToken)
    {
        // Another run (of this or another workflow) got there first: a conversation is never assigned twice.
        // A workflow that means to hand it over unassigns it first.
        if (conversation.AssigneeId is { } current)
            return AssignmentDecision.Of(current, Phrase.Of(PhraseCode.AssignAlreadyAssigned, "Already assigned to {0}; left with them.", pool.Names.Agent(current)), []);

        var decision = pool.Decide(step);
        if (decision.ChosenAgentId is { } agentId)
        {
            pool.Apply(conversation, step, agentId, now);
            pool.LeaveQueue(conversation.Id);
            await pool.WatchAsync(conversation, step, agentId, run.Id, await InactivityReassigner.HoursAsync(published, run, step.InactivityHoursOf, cancellationToken),
                now, cancellationToken);
            QueuePosition = null;
            return decision;
        }
        if (step is { Target: AssignTarget.Team, QueueWhenNobodyAvailable: true, TeamId: { } teamId })
        {
            conversation.RouteToTeam(teamId, now);
            QueuePosition = await pool.EnqueueAsync(conversation, step, run.Id, now, cancellationToken);
            return decision with { QueuePosition = QueuePosition };
        }
        return decision;
    }

    /// <summary>Collected, and sent by the engine once the batch is saved: a call is never made for a run whose save failed.</summary>
    public void BeginSend(HttpStepRequest request, WorkflowRun run) => httpCalls.Add((run.Id, conversation.Id, request));

    /// <summary>Collected like HTTP calls, and asked once the batch is saved.</summary>
    public void BeginAiAnswer(AiStepRequest request, WorkflowRun run) => aiCalls.Add((run.Id, conversation.Id, request));

    public async ValueTask<TopicPrediction?> ClassifyAsync(CancellationToken cancellationToken) =>
        await classifier.PredictAsync(await Classifier.ClassifierText.OfConversationAsync(db, conversation.Id, cancellationToken), cancellationToken);
}
