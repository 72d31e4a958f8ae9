using Inbound.Domain.Conversations;
using Inbound.Domain.Sla;
using Inbound.Domain.Teams;
using Inbound.Domain.Workflows;

namespace Inbound.Tests.Domain.Sla;

public class ConversationSlaTests
{
    private static readonly Guid Team = Guid.NewGuid();
    private static readonly Guid Agent = Guid.NewGuid();
    private static readonly DateTime FridayAfternoon = new(2026, 12, 4, 15, 0, 0, DateTimeKind.Utc); // 16:00 Berlin
    private static readonly BusinessClock Office =
        new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), BusinessHoursStep.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)));

    private static Conversation OpenedWithSla(TimeSpan? firstResponse, TimeSpan? resolution)
    {
        var conversation = InboundMessageRouting.Receive(Guid.NewGuid(), Guid.NewGuid(), null, "Hello", null, FridayAfternoon).Conversation;
        conversation.RouteToTeam(Team, FridayAfternoon);
        Assert.True(conversation.NeedsSlaOf(out var team));
        conversation.StartSla(team, new SlaTargets(firstResponse, resolution), Office);
        return conversation;
    }

    [Fact]
    public void Due_times_are_counted_in_business_hours_from_opening()
    {
        var conversation = OpenedWithSla(TimeSpan.FromHours(2), TimeSpan.FromHours(8));

        Assert.Equal(new DateTime(2026, 12, 7, 9, 0, 0), conversation.FirstResponseDueAt);  // Monday 10:00 Berlin
        Assert.Equal(new DateTime(2026, 12, 7, 15, 0, 0), conversation.ResolutionDueAt);   // Monday 16:00 Berlin
        Assert.Equal((SlaKind.FirstResponse, conversation.FirstResponseDueAt!.Value), conversation.NextSlaDue);
        Assert.False(conversation.NeedsSlaOf(out _));
    }

    [Fact]
    public void A_missed_first_reply_is_a_breach_once_and_then_the_resolution_is_watched()
    {
        var conversation = OpenedWithSla(TimeSpan.FromHours(2), TimeSpan.FromHours(8));
        conversation.AssignTo(Agent, Team, FridayAfternoon);
        var mondayAfterDue = new DateTime(2026, 12, 7, 9, 0, 5);

        Assert.Empty(conversation.CheckSla(mondayAfterDue.AddHours(-1)));
        var breach = Assert.Single(conversation.CheckSla(mondayAfterDue));
        Assert.Empty(conversation.CheckSla(mondayAfterDue.AddMinutes(1)));

        Assert.Equal((SlaKind.FirstResponse, conversation.FirstResponseDueAt, Agent, mondayAfterDue), (breach.Kind, (DateTime?)breach.DueAt, breach.AgentId, breach.BreachedAt));
        Assert.Equal(conversation.ResolutionDueAt, conversation.SlaCheckAt);
    }

    [Fact]
    public void A_reply_and_close_in_time_breach_nothing_but_a_late_reply_still_counts()
    {
        var kept = OpenedWithSla(TimeSpan.FromHours(2), TimeSpan.FromHours(8));
        kept.Reply(AuthorKind.Agent, Agent, "On it", FridayAfternoon.AddMinutes(10));
        kept.Close(new ClosingNote("Solved", "Fixed"), Agent, FridayAfternoon.AddMinutes(20));
        Assert.Empty(kept.CheckSla(new DateTime(2026, 12, 8)));
        Assert.Null(kept.SlaCheckAt);
        Assert.Null(kept.NextSlaDue);

        var late = OpenedWithSla(TimeSpan.FromHours(2), null);
        late.Reply(AuthorKind.Agent, Agent, "Sorry for the wait", new DateTime(2026, 12, 7, 12, 0, 0));
        Assert.Equal(SlaKind.FirstResponse, Assert.Single(late.CheckSla(new DateTime(2026, 12, 7, 12, 0, 1))).Kind);
    }

    [Fact]
    public void A_move_to_another_team_takes_that_teams_targets()
    {
        var conversation = OpenedWithSla(TimeSpan.FromHours(2), null);
        var other = Guid.NewGuid();
        conversation.RouteToTeam(other, FridayAfternoon);

        Assert.True(conversation.NeedsSlaOf(out var team));
        conversation.StartSla(team, SlaTargets.None, Office);
        Assert.Null(conversation.NextSlaDue);
        Assert.Null(conversation.SlaCheckAt);
    }
}
