namespace Inbound.Domain.Teams;

public sealed class TeamMember
{
    private TeamMember() { }

    internal TeamMember(Guid teamId, Guid agentId)
    {
        TeamId = teamId;
        AgentId = agentId;
    }

    public Guid TeamId { get; private set; }
    public Guid AgentId { get; private set; }
}
