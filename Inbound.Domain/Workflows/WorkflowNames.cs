namespace Inbound.Domain.Workflows;

/// <summary>Names of the teams and agents a definition refers to by id, so that summaries and messages read as words.</summary>
public sealed record WorkflowNames(IReadOnlyDictionary<Guid, string> Teams, IReadOnlyDictionary<Guid, string> Agents)
{
    public static readonly WorkflowNames None = new(new Dictionary<Guid, string>(), new Dictionary<Guid, string>());

    /// <summary>Each team's time zone, for a Business hours step that uses a team's hours.</summary>
    public IReadOnlyDictionary<Guid, string> TeamTimeZones { get; init; } = new Dictionary<Guid, string>();

    public string? TeamTimeZone(Guid id) => TeamTimeZones.GetValueOrDefault(id);

    public string Team(Guid? id) => TeamName(id).ToString()!;
    public string Agent(Guid? id) => AgentName(id).ToString()!;

    /// <summary>The team's name, or "a team" as a phrase for a screen to say in its reader's language.</summary>
    public object TeamName(Guid? id) => id is { } t && Teams.TryGetValue(t, out var name) ? name : Phrase.Of(PhraseCode.SomeTeam, "a team");
    public object AgentName(Guid? id) => id is { } a && Agents.TryGetValue(a, out var name) ? name : Phrase.Of(PhraseCode.SomeAgent, "an agent");
}
