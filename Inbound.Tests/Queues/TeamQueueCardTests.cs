using Bunit;
using Inbound.Domain.Agents;
using Inbound.Web.Queues;

namespace Inbound.Tests.Queues;

public class TeamQueueCardTests : MudComponentTest
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    private static TeamQueueSummary Sales(DateTime? oldestWaitingSince, int? alertMinutes = null) => new(Guid.NewGuid(), "Sales",
        Waiting: oldestWaitingSince is null ? 0 : 3, oldestWaitingSince, Open: 7, alertMinutes,
        [
            new AgentLoad(Guid.NewGuid(), "Ana Agent", AgentAvailability.Online, 5, 5, Now.AddMinutes(-4)),
            new AgentLoad(Guid.NewGuid(), "Dev Agent", AgentAvailability.Away, 1, 5, null),
            new AgentLoad(Guid.NewGuid(), "Olli Offline", AgentAvailability.Offline, 0, 3, null),
        ]);

    private IRenderedComponent<TeamQueueCard> RenderCard(TeamQueueSummary team, DateTime now) =>
        Render<TeamQueueCard>(p => p.Add(c => c.Team, team).Add(c => c.Now, now));

    [Fact]
    public void The_card_shows_waiting_count_longest_wait_open_and_who_is_online_away_or_offline()
    {
        var card = RenderCard(Sales(Now.AddMinutes(-3).AddSeconds(-5)), Now);

        Assert.StartsWith("3", card.Find("[data-testid=queue-waiting]").TextContent.Trim());
        Assert.Contains("3m 5s", card.Find("[data-testid=queue-longest-wait]").TextContent);
        Assert.StartsWith("7", card.Find("[data-testid=queue-open]").TextContent.Trim());
        Assert.Equal("1 online · 1 away · 1 offline", card.Find("[data-testid=queue-presence]").TextContent.Trim());
    }

    [Fact]
    public void Each_agent_shows_open_conversations_against_capacity_and_time_since_their_last_reply()
    {
        var card = RenderCard(Sales(null), Now);

        var ana = card.Find("[data-agent='Ana Agent']").TextContent;
        Assert.Contains("5 / 5", ana);
        Assert.Contains("4m ago", ana);
        Assert.Contains("online", ana);
        Assert.Contains("never", card.Find("[data-agent='Dev Agent']").TextContent);
        Assert.Contains("—", card.Find("[data-testid=queue-longest-wait]").TextContent);
    }

    [Fact]
    public void A_thai_supervisor_reads_the_waits_in_thai()
    {
        using var thai = Inbound.Tests.Localization.ThaiCulture.Use();
        var card = RenderCard(Sales(Now.AddMinutes(-3).AddSeconds(-5)), Now);

        Assert.Contains("3 นาที 5 วิ", card.Find("[data-testid=queue-longest-wait]").TextContent);
        Assert.Contains("4 นาที", card.Find("[data-agent='Ana Agent']").TextContent);
        Assert.DoesNotContain("3m", card.Markup);
    }

    [Fact]
    public void The_longest_wait_ticks_with_the_time_it_is_given_without_new_data()
    {
        var team = Sales(Now.AddSeconds(-10));
        var card = RenderCard(team, Now);
        Assert.Contains("10s", card.Find("[data-testid=queue-longest-wait]").TextContent);

        card.Render(p => p.Add(c => c.Now, Now.AddSeconds(1)));

        Assert.Contains("11s", card.Find("[data-testid=queue-longest-wait]").TextContent);
    }

    [Fact]
    public void The_card_is_in_alert_once_the_longest_wait_passes_the_teams_threshold()
    {
        var team = Sales(Now.AddMinutes(-4).AddSeconds(-59), alertMinutes: 5);

        var card = RenderCard(team, Now);
        Assert.Equal("false", card.Find("[data-testid=queue-card]").GetAttribute("data-alert"));
        Assert.Empty(card.FindAll("[data-testid=queue-alert]"));

        card.Render(p => p.Add(c => c.Now, Now.AddSeconds(1)));
        Assert.Equal("true", card.Find("[data-testid=queue-card]").GetAttribute("data-alert"));
        Assert.Contains("Waiting over 5 min", card.Find("[data-testid=queue-alert]").TextContent);
    }

    [Fact]
    public void A_team_without_a_threshold_never_alerts()
    {
        var card = RenderCard(Sales(Now.AddHours(-5)), Now);

        Assert.Equal("false", card.Find("[data-testid=queue-card]").GetAttribute("data-alert"));
    }
}
