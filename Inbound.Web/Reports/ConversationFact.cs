using Inbound.Domain.Conversations;
using Inbound.Domain.Reports;

namespace Inbound.Web.Reports;

/// <summary>
/// What the reports know about one conversation, kept up to date as it changes: who had it, when it was opened, first
/// assigned, first answered and closed, and where its workflow left it. Drill-downs list these rows; the report's
/// figures come from the <see cref="ReportBucket"/>s they add up to.
/// </summary>
public sealed class ConversationFact
{
    public Guid ConversationId { get; set; }
    public Guid ContactId { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? AgentId { get; set; }
    public Guid ChannelId { get; set; }
    public Guid? WorkflowId { get; set; }
    public ConversationSource Source { get; set; }
    public DateTime OpenedAt { get; set; }

    /// <summary>The first assignment; a later reassignment does not reset the time to assignment.</summary>
    public DateTime? AssignedAt { get; set; }

    public DateTime? FirstResponseAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosingCategory { get; set; }

    /// <summary>The same contact's previous conversation had closed less than a day before this one opened.</summary>
    public bool Reopened { get; set; }

    public WorkflowOutcome? Outcome { get; set; }

    /// <summary>When the breach check saw the first-response target missed (breaches count in the period they happened).</summary>
    public DateTime? FirstResponseBreachedAt { get; set; }

    public DateTime? ResolutionBreachedAt { get; set; }

    /// <summary>The contact's rating 1–5, counted when it was given (<see cref="CsatRatedAt"/>), not when the conversation closed.</summary>
    public int? CsatRating { get; set; }

    public DateTime? CsatRatedAt { get; set; }

    public ConversationFact Copy() => (ConversationFact)MemberwiseClone();

    public bool SameAs(ConversationFact other) =>
        (ConversationId, ContactId, TeamId, AgentId, ChannelId, WorkflowId, Source, OpenedAt, AssignedAt, FirstResponseAt, ClosedAt, ClosingCategory, Reopened, Outcome)
        == (other.ConversationId, other.ContactId, other.TeamId, other.AgentId, other.ChannelId, other.WorkflowId, other.Source, other.OpenedAt, other.AssignedAt,
            other.FirstResponseAt, other.ClosedAt, other.ClosingCategory, other.Reopened, other.Outcome)
        && (FirstResponseBreachedAt, ResolutionBreachedAt, CsatRating, CsatRatedAt)
        == (other.FirstResponseBreachedAt, other.ResolutionBreachedAt, other.CsatRating, other.CsatRatedAt);
}
