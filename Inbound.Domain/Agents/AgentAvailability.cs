namespace Inbound.Domain.Agents;

public enum AgentAvailability
{
    Online,
    Away,
    Offline,
}
