using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Teams;

/// <summary>A group of agents that conversations are routed to (Sales, Support, Billing…).</summary>
public sealed class Team : Entity
{
    private readonly List<TeamMember> _members = [];

    private Team() { Name = ""; }

    public Team(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A team needs a name.");
        Name = name.Trim();
    }

    public string Name { get; private set; }
    public IReadOnlyCollection<TeamMember> Members => _members;

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A team needs a name.");
        Name = name.Trim();
    }

    public bool HasMember(Guid agentId) => _members.Any(m => m.AgentId == agentId);

    public void AddMember(Guid agentId, DateTime now = default)
    {
        if (HasMember(agentId)) return;
        _members.Add(new TeamMember(Id, agentId));
        Raise(new TeamMemberAdded(Id, agentId, now));
    }

    public void RemoveMember(Guid agentId) => _members.RemoveAll(m => m.AgentId == agentId);
}
