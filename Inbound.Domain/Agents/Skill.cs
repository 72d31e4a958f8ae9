namespace Inbound.Domain.Agents;

/// <summary>How a skill is written everywhere (agents, steps, queue entries): trimmed, lower case, so "Thai" and "thai " are one skill.</summary>
public static class Skill
{
    public static string Normalize(string skill) => skill.Trim().ToLowerInvariant();

    /// <summary>Distinct, sorted, without blanks; accepts a list or one comma-separated text.</summary>
    public static List<string> List(IEnumerable<string>? skills) =>
        (skills ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Normalize).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
}
