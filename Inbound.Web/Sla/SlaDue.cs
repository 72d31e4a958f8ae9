using Inbound.Domain.Sla;
using Inbound.Domain.Teams;

namespace Inbound.Web.Sla;

/// <summary>
/// The target an open conversation races now, with what the inbox needs to show its time left without asking the
/// server again: the full target (for the share left) and the team's clock (time left counts business hours only).
/// </summary>
public sealed record SlaDue(SlaKind Kind, DateTime DueAt, TimeSpan Target, BusinessClock Clock)
{
    /// <summary>Business time left at <paramref name="now"/>; negative once overdue.</summary>
    public TimeSpan LeftAt(DateTime now) => Clock.OpenTimeBetween(now, DueAt);
}
