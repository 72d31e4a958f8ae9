using Inbound.Domain.Workflows;

namespace Inbound.Tests.Domain.Workflows;

/// <summary>A Business hours step on a team's hours runs with the team's time zone and week, whatever it stored itself.</summary>
public class TeamHoursResolutionTests
{
    private static readonly Guid Support = Guid.NewGuid();

    private static WorkflowDefinition Definition(Guid? teamId) => new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new BusinessHoursStep { Id = "hours", TeamId = teamId, TimeZone = "UTC", Schedule = BusinessHoursStep.Weekdays(new(0, 0), new(23, 0)), Holidays = [new DateOnly(2026, 12, 25)] });

    private static readonly Dictionary<Guid, TeamWorkingHours> Teams = new()
    {
        [Support] = new("America/New_York", BusinessHoursStep.Weekdays(new(9, 0), new(17, 0))),
    };

    // Wednesday 2 December 2026, 12:00 UTC: 07:00 in New York, before the team opens.
    private static readonly DateTime Noon = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_step_on_a_teams_hours_opens_and_closes_by_the_teams_time_zone_and_week_and_keeps_its_holidays()
    {
        var stored = Definition(Support);

        var hours = (BusinessHoursStep)TeamHoursResolution.Resolve(stored, Teams).FindNode("hours")!;

        Assert.Equal("America/New_York", hours.TimeZone);
        Assert.False(hours.IsOpenAt(Noon));
        Assert.True(hours.IsOpenAt(Noon.AddHours(3)));
        Assert.Equal(Noon.AddHours(2), hours.NextOpening(Noon));
        Assert.Equal([new DateOnly(2026, 12, 25)], hours.Holidays);
        Assert.True(((BusinessHoursStep)stored.FindNode("hours")!).IsOpenAt(Noon)); // what is stored stays as it was
    }

    [Fact]
    public void A_step_with_its_own_hours_is_not_touched_and_one_on_a_deleted_team_is_closed()
    {
        Assert.True(((BusinessHoursStep)TeamHoursResolution.Resolve(Definition(null), Teams).FindNode("hours")!).IsOpenAt(Noon));
        var orphan = (BusinessHoursStep)TeamHoursResolution.Resolve(Definition(Guid.NewGuid()), Teams).FindNode("hours")!;
        Assert.Null(orphan.NextOpening(Noon));
    }

    [Fact]
    public void A_step_on_a_teams_hours_needs_no_schedule_of_its_own_but_the_team_must_exist()
    {
        var step = new BusinessHoursStep { Id = "hours", TeamId = Support, TimeZone = "nowhere" };
        Assert.Empty(step.SettingProblems());

        var definition = Definition(Support);
        Assert.DoesNotContain(WorkflowValidator.Validate(definition, [Support]), i => i.NodeId == "hours" && i.Message.Contains("team"));
        Assert.Contains(WorkflowValidator.Validate(definition, []), i => i.NodeId == "hours" && i.Message.Contains("no longer exists"));
    }

    [Fact]
    public void The_summary_names_the_team_and_its_time_zone()
    {
        var names = new WorkflowNames(new Dictionary<Guid, string> { [Support] = "Support" }, new Dictionary<Guid, string>())
        {
            TeamTimeZones = new Dictionary<Guid, string> { [Support] = "Europe/Berlin" },
        };
        Assert.Equal("Hours of Support · Europe/Berlin", new BusinessHoursStep { TeamId = Support }.Summary(names));
    }
}
