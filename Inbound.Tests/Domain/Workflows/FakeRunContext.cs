using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Tests.Domain.Workflows;

/// <summary>A run context in memory: a contact's open conversation, agents to assign from, and a canned HTTP answer.</summary>
internal sealed class FakeRunContext : IRunContext
{
    public static readonly DateTime Wednesday10Utc = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    public FakeRunContext(string contactName = "Maria Lopez", string channelKey = "webchat", DateTime? now = null, Contact? contact = null)
    {
        Now = now ?? Wednesday10Utc;
        Contact = contact ?? Contact.FromChannel(Guid.NewGuid(), "ext-1", contactName, null, "maria@example.com", Now);
        Conversation = Conversation.Open(Contact.Id, Guid.NewGuid(), ConversationSource.Contact, Now);
        Conversation.ReceiveFromContact("Hello", "m1", Now);
        ChannelKey = channelKey;
    }

    public Conversation Conversation { get; }
    public Contact Contact { get; }
    public string ChannelKey { get; }
    public DateTime Now { get; set; }
    public WorkflowNames Names { get; set; } = WorkflowNames.None;
    public string? LastMessageText { get; set; } = "Hello";
    public int? QueuePosition { get; set; }
    public DetectedLanguage? LastMessageLanguage { get; set; }
    public List<Message> Stored { get; } = [];
    public List<AgentCandidate> Candidates { get; } = [];
    public HttpStepResponse HttpResponse { get; set; } = new(200, "{}");
    public HttpStepRequest? LastRequest { get; private set; }

    public IEnumerable<string> SentTexts => Stored.Where(m => m.Direction == MessageDirection.Outbound).Select(m => m.Body);

    public void Store(Message message) => Stored.Add(message);

    /// <summary>What the classifier predicts; null is a workspace without an approved model.</summary>
    public TopicPrediction? Prediction { get; set; }

    public ValueTask<TopicPrediction?> ClassifyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Prediction);

    public ValueTask<AssignmentDecision> AssignAsync(AssignToStep step, WorkflowRun run, CancellationToken cancellationToken)
    {
        var decision = AssignmentPlanner.Decide(step, Candidates);
        if (decision.ChosenAgentId is { } agent) Conversation.AssignTo(agent, step.TeamId, Now);
        else if (step.QueueWhenNobodyAvailable) return ValueTask.FromResult(decision with { QueuePosition = QueuePosition = 3 });
        return ValueTask.FromResult(decision);
    }

    /// <summary>Only records the request: the test resumes the run with <see cref="HttpResponse"/>, as the engine does when the call returns.</summary>
    public void BeginSend(HttpStepRequest request, WorkflowRun run) => LastRequest = request;

    public Message ContactSays(string text)
    {
        Now = Now.AddSeconds(5);
        LastMessageText = text;
        return Conversation.ReceiveFromContact(text, $"m-{Guid.NewGuid():N}", Now);
    }

    public static AgentCandidate Agent(string name, AgentAvailability availability = AgentAvailability.Online, int open = 0, int capacity = 5,
        bool inTeam = true, long ticket = 0) =>
        new(Guid.NewGuid(), name, availability, capacity, open, inTeam, ticket);
}
