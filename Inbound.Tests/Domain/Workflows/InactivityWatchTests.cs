using Inbound.Domain.Assignment;
using Inbound.Domain.Workflows;

namespace Inbound.Tests.Domain.Workflows;

public class InactivityWatchTests
{
    private static readonly BusinessHoursStep WeekdaysNineToFive = new()
    {
        Id = "hours", TimeZone = "UTC", Schedule = BusinessHoursStep.Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)),
    };

    private static AssignToStep Step(int minutes, string? hoursOf = null) =>
        new() { Id = "assign", TeamId = Guid.NewGuid(), ReassignAfterMinutes = minutes, InactivityHoursOf = hoursOf };

    [Fact]
    public void Minutes_count_straight_through_without_business_hours()
    {
        var friday = new DateTime(2026, 11, 27, 16, 55, 0, DateTimeKind.Utc);

        var watch = InactivityWatch.For(Guid.NewGuid(), Guid.NewGuid(), Step(10), null, null, friday);

        Assert.Equal(friday.AddMinutes(10), watch!.DueAt);
    }

    [Fact]
    public void Minutes_past_closing_count_from_the_next_opening()
    {
        var friday = new DateTime(2026, 11, 27, 16, 55, 0, DateTimeKind.Utc);

        var watch = InactivityWatch.For(Guid.NewGuid(), Guid.NewGuid(), Step(10, "hours"), null, WeekdaysNineToFive, friday);

        // Five minutes on Friday, five more from Monday's opening.
        Assert.Equal(new DateTime(2026, 11, 30, 9, 5, 0, DateTimeKind.Utc), watch!.DueAt);
    }

    [Fact]
    public void A_step_that_never_reassigns_watches_nothing() =>
        Assert.Null(InactivityWatch.For(Guid.NewGuid(), Guid.NewGuid(), new AssignToStep { Id = "a", TeamId = Guid.NewGuid() }, null, null, DateTime.UtcNow));
}
