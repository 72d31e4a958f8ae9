namespace Inbound.Domain.Workflows;

/// <summary>A team's time zone and working week as they are now, for the Business hours steps that use them.</summary>
public sealed record TeamWorkingHours(string TimeZone, IReadOnlyList<OpeningHours> Hours);

/// <summary>
/// Turns a definition into the one that runs: each Business hours step that uses a team's hours gets that team's
/// current time zone and schedule (its holidays stay its own). Done once where versions and drafts are made runnable,
/// so the engine, Wait's "until open", inactivity watches, web chat hours and the simulator all read the same hours.
/// </summary>
public static class TeamHoursResolution
{
    public static bool UsesTeamHours(WorkflowDefinition definition) =>
        definition.Nodes.OfType<BusinessHoursStep>().Any(s => s.TeamId is not null);

    /// <summary>A copy with the teams' hours filled in; the definition itself is left as it is stored.</summary>
    public static WorkflowDefinition Resolve(WorkflowDefinition definition, IReadOnlyDictionary<Guid, TeamWorkingHours> teams)
    {
        if (!UsesTeamHours(definition)) return definition;
        var runnable = definition.Clone();
        foreach (var step in runnable.Nodes.OfType<BusinessHoursStep>())
        {
            if (step.TeamId is not { } teamId) continue;
            // A team deleted since publishing has no hours: the step is closed rather than open on stale ones.
            var hours = teams.GetValueOrDefault(teamId);
            step.TimeZone = hours?.TimeZone ?? "UTC";
            step.Schedule = [.. hours?.Hours ?? []];
        }
        return runnable;
    }
}
