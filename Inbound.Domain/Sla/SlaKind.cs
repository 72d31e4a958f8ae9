namespace Inbound.Domain.Sla;

/// <summary>Which promise a team's SLA makes: a first answer by a person, or the conversation closed.</summary>
public enum SlaKind
{
    FirstResponse,
    Resolution,
}
