using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Sla;

/// <summary>
/// A conversation missed one of its team's targets. Written once per conversation and kind (the database holds it to
/// that), by the breach check, for reports to count; the agent is whoever held the conversation when it was seen.
/// </summary>
public sealed class SlaBreach : Entity
{
    private SlaBreach() { }

    public SlaBreach(Guid conversationId, Guid teamId, Guid? agentId, SlaKind kind, DateTime dueAt, DateTime breachedAt)
    {
        ConversationId = conversationId;
        TeamId = teamId;
        AgentId = agentId;
        Kind = kind;
        DueAt = dueAt;
        BreachedAt = breachedAt;
    }

    public Guid ConversationId { get; private set; }
    public Guid TeamId { get; private set; }
    public Guid? AgentId { get; private set; }
    public SlaKind Kind { get; private set; }
    public DateTime DueAt { get; private set; }

    /// <summary>When the check saw the target pass (a few seconds after <see cref="DueAt"/>, or later after downtime).</summary>
    public DateTime BreachedAt { get; private set; }
}
