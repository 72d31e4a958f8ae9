using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Agents;

/// <summary>A person who handles conversations. The account that signs in is linked to it by the web app.</summary>
public sealed class Agent : Entity
{
    public const int DefaultCapacity = 5;

    private Agent() { Name = Email = ""; }

    public Agent(string name, string email, int capacity = DefaultCapacity)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("An agent needs a name.");
        if (string.IsNullOrWhiteSpace(email)) throw new DomainException("An agent needs an email.");
        Name = name.Trim();
        Email = email.Trim();
        Capacity = ValidCapacity(capacity);
        Availability = AgentAvailability.Offline;
    }

    public string Name { get; private set; }
    public string Email { get; private set; }
    public AgentAvailability Availability { get; private set; }

    /// <summary>The most open conversations this agent is assigned at once.</summary>
    public int Capacity { get; private set; }

    /// <summary>What this agent can handle ("thai", "refunds"), lower case: an assignment step can require some.</summary>
    public List<string> Skills { get; private set; } = [];

    public bool HasSkill(string skill) => Skills.Contains(Skill.Normalize(skill));

    /// <summary>Replaces the skills; an agent who gains one may now take conversations queued for it.</summary>
    public void SetSkills(IEnumerable<string> skills, DateTime now)
    {
        var normalized = Skill.List(skills);
        if (normalized.SequenceEqual(Skills)) return;
        Skills = normalized;
        Raise(new AgentSkillsChanged(Id, normalized, now));
    }

    /// <summary>
    /// Grows with every automatic assignment to this agent: round robin serves the lowest first, and the store uses
    /// it as a concurrency token, so that two writers can never both fill the agent's last free place.
    /// </summary>
    public long LastAssignmentTicket { get; private set; }

    public void SetAvailability(AgentAvailability availability, DateTime now)
    {
        if (availability == Availability) return;
        var previous = Availability;
        Availability = availability;
        Raise(new AgentAvailabilityChanged(Id, previous, availability, now));
    }

    public void SetCapacity(int capacity, DateTime now)
    {
        capacity = ValidCapacity(capacity);
        if (capacity == Capacity) return;
        Capacity = capacity;
        Raise(new AgentCapacityChanged(Id, capacity, now));
    }

    /// <summary>Marks an automatic assignment; the ticket is higher than every earlier one.</summary>
    public void RecordAssignment(long ticket)
    {
        if (ticket <= LastAssignmentTicket) throw new DomainException("An assignment ticket only grows.");
        LastAssignmentTicket = ticket;
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("An agent needs a name.");
        Name = name.Trim();
    }

    private static int ValidCapacity(int capacity) => capacity is >= 1 and <= 1000
        ? capacity
        : throw new DomainException("Capacity is between 1 and 1000 open conversations.");
}
