using Bunit;
using Inbound.Domain.Sla;
using Inbound.Domain.Teams;
using Inbound.Domain.Workflows;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Components;
using Inbound.Web.Sla;
using static Inbound.Tests.Inbox.InboxBuilders;

namespace Inbound.Tests.Sla;

public class SlaTimeLeftTests : MudComponentTest
{
    // A Tuesday, 14:30 UTC.
    private static readonly SlaDue ReplyInFourHours = new(SlaKind.FirstResponse, Now.AddHours(4), TimeSpan.FromHours(4), BusinessClock.AlwaysOpen);

    private IRenderedComponent<SlaTimeLeft> Chip(SlaDue due, DateTime now) => Render<SlaTimeLeft>(p => p.Add(x => x.Due, due).Add(x => x.Now, now));

    [Fact]
    public void Plenty_of_time_left_reads_plainly_then_amber_under_a_quarter_then_red_and_overdue()
    {
        var chip = Chip(ReplyInFourHours, Now);
        Assert.Equal("Normal", chip.Find("[data-testid=sla-chip]").GetAttribute("data-state"));
        Assert.Contains("Reply in 4h", chip.Find("[data-testid=sla-chip]").TextContent);

        // The page's clock ticks: 59 minutes left of four hours is under a quarter.
        chip.Render(p => p.Add(x => x.Now, Now.AddHours(3).AddMinutes(1)));
        Assert.Equal("Warning", chip.Find("[data-testid=sla-chip]").GetAttribute("data-state"));
        Assert.Contains("Reply in 59m", chip.Find("[data-testid=sla-chip]").TextContent);

        chip.Render(p => p.Add(x => x.Now, Now.AddHours(4).AddMinutes(12)));
        Assert.Equal("Breached", chip.Find("[data-testid=sla-chip]").GetAttribute("data-state"));
        Assert.Contains("Reply overdue 12m", chip.Find("[data-testid=sla-chip]").TextContent);
    }

    [Fact]
    public void Closed_hours_do_not_count_down()
    {
        // Office 09:00–17:00 UTC on weekdays: the chip stands still from Tuesday 17:00 to Wednesday 09:00.
        var office = new BusinessClock(TimeZoneInfo.Utc, BusinessHoursStep.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)));
        var due = new SlaDue(SlaKind.Resolution, new DateTime(2026, 3, 11, 11, 0, 0), TimeSpan.FromHours(8), office);

        Assert.Contains("Resolve in 2h 30m", Chip(due, new DateTime(2026, 3, 10, 16, 30, 0)).Markup);
        Assert.Contains("Resolve in 2h<", Chip(due, new DateTime(2026, 3, 10, 17, 0, 0)).Markup);
        Assert.Contains("Resolve in 2h<", Chip(due, new DateTime(2026, 3, 11, 9, 0, 0)).Markup);
        Assert.Contains("Resolve in 1h 30m", Chip(due, new DateTime(2026, 3, 11, 9, 30, 0)).Markup);
    }

    [Fact]
    public void The_list_shows_each_open_conversations_chip_and_offers_to_sort_by_time_left()
    {
        var cut = Render<ConversationList>(p => p
            .Add(x => x.Items, [Summary("Maria Lopez") with { Sla = ReplyInFourHours }, Summary("No Sla")])
            .Add(x => x.Now, Now.AddHours(5)));

        var chip = Assert.Single(cut.FindAll("[data-testid=sla-chip]"));
        Assert.Equal("Breached", chip.GetAttribute("data-state"));
        Assert.NotNull(cut.Find("[data-testid=sort]"));
    }

    [Fact]
    public void Sorting_by_time_left_puts_the_soonest_due_first_and_conversations_without_an_sla_last()
    {
        var rows = new ConversationRowSet(InboxFilter.All, InboxSort.TimeLeft);
        var later = Summary("Later") with { Sla = ReplyInFourHours };
        var sooner = Summary("Sooner") with { Sla = ReplyInFourHours with { DueAt = Now.AddHours(1) } };
        var none = Summary("None") with { LastActivityAt = Now.AddHours(1) };

        rows.Reset([], 10);
        rows.Merge([later.Id, sooner.Id, none.Id], [none, later, sooner]);

        Assert.Equal(["Sooner", "Later", "None"], rows.Rows.Select(r => r.ContactName));
    }
}
