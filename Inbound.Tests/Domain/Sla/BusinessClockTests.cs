using Inbound.Domain.Teams;
using Inbound.Domain.Workflows;

namespace Inbound.Tests.Domain.Sla;

public class BusinessClockTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // Monday to Friday 09:00–17:00 in Berlin (CET, UTC+1 in December).
    private static readonly BusinessClock BerlinOffice = new(Berlin, BusinessHoursStep.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)));

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Four_business_hours_from_friday_afternoon_fall_due_on_monday_morning()
    {
        // Friday 4 December 16:00 Berlin: one hour left that day, three more from Monday 09:00.
        var friday = Utc(4, 15);

        var due = BerlinOffice.AddOpenTime(friday, TimeSpan.FromHours(4));

        Assert.Equal(Utc(7, 11), due); // Monday 12:00 Berlin
        Assert.Equal(TimeSpan.FromHours(4), BerlinOffice.OpenTimeBetween(friday, Utc(7, 11)));
    }

    [Fact]
    public void The_weekend_adds_no_business_time()
    {
        var fridayClose = Utc(4, 16); // 17:00 Berlin
        var mondayOpen = Utc(7, 8);   // 09:00 Berlin

        Assert.Equal(TimeSpan.Zero, BerlinOffice.OpenTimeBetween(fridayClose, mondayOpen));
        Assert.Equal(TimeSpan.FromMinutes(30), BerlinOffice.OpenTimeBetween(Utc(5, 10), Utc(7, 8, 30)));
    }

    [Fact]
    public void A_night_shift_counts_across_local_midnight_in_new_york()
    {
        // 22:00 to midnight and midnight to 02:00 every day, New York time (EST, UTC-5): the UTC date is a day ahead.
        var nights = Enum.GetValues<DayOfWeek>().SelectMany(d => new[]
        {
            new OpeningHours(d, new TimeOnly(22, 0), TimeOnly.MinValue),
            new OpeningHours(d, TimeOnly.MinValue, new TimeOnly(2, 0)),
        });
        var clock = new BusinessClock(NewYork, nights);
        var monday2300 = Utc(8, 4); // Monday 7 December 23:00 New York

        Assert.Equal(Utc(8, 6), clock.AddOpenTime(monday2300, TimeSpan.FromHours(2))); // Tuesday 01:00 New York
        Assert.Equal(Utc(9, 3, 30), clock.AddOpenTime(monday2300, TimeSpan.FromHours(3.5))); // Tuesday 22:30 New York
        Assert.Equal(TimeSpan.FromHours(3), clock.OpenTimeBetween(monday2300, Utc(8, 12))); // to Tuesday 07:00 New York
    }

    [Fact]
    public void Time_past_a_due_instant_is_negative_business_time()
    {
        Assert.Equal(TimeSpan.FromMinutes(-90), BerlinOffice.OpenTimeBetween(Utc(7, 11), Utc(7, 9, 30)));
    }

    [Fact]
    public void Holidays_are_closed_all_day()
    {
        var clock = new BusinessClock(Berlin, BusinessHoursStep.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)), [new DateOnly(2026, 12, 7)]);

        Assert.Equal(Utc(8, 9), clock.AddOpenTime(Utc(4, 15), TimeSpan.FromHours(2))); // skips Monday: Tuesday 10:00 Berlin
    }

    [Fact]
    public void Hours_that_never_open_never_fall_due_and_no_hours_at_all_count_every_minute()
    {
        Assert.Null(new BusinessClock(Berlin, []).AddOpenTime(Utc(4, 15), TimeSpan.FromMinutes(1)));
        Assert.Equal(Utc(5, 15), BusinessClock.AlwaysOpen.AddOpenTime(Utc(4, 15), TimeSpan.FromDays(1)));
        Assert.Equal(TimeSpan.FromHours(64), BusinessClock.AlwaysOpen.OpenTimeBetween(Utc(4, 15), Utc(7, 7)));
    }

    [Fact]
    public void A_team_without_hours_measures_round_the_clock_and_one_with_hours_in_its_zone()
    {
        var team = new Team("Support");
        Assert.Equal(Utc(5, 3), BusinessClock.Of(team).AddOpenTime(Utc(4, 15), TimeSpan.FromHours(12)));

        team.SetBusinessHours("Europe/Berlin", BusinessHoursStep.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)));
        Assert.Equal(Utc(7, 11), BusinessClock.Of(team).AddOpenTime(Utc(4, 15), TimeSpan.FromHours(4)));
    }
}
