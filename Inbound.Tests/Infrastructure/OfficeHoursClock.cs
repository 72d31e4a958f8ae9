namespace Inbound.Tests.Infrastructure;

/// <summary>
/// The real clock, moved back to a weekday at 09:00 UTC (10:00 in Berlin, open by the seeded business hours) when the
/// app starts, and running on from there with real timers. The seeded workflow waits for opening time out of hours,
/// so tests that expect it to assign would otherwise pass or fail by the hour the suite runs at. Tests about hours
/// use a FakeTimeProvider instead.
/// </summary>
public sealed class OfficeHoursClock : TimeProvider
{
    /// <summary>One timeline for the test run: an app restarted on the same data folder goes on from where the last one was, never back.</summary>
    public static OfficeHoursClock Instance { get; } = new();

    private readonly TimeSpan _offset;

    private OfficeHoursClock()
    {
        var now = System.GetUtcNow();
        var day = now.UtcDateTime.Date;
        // The latest weekday morning at or before today: never in the future, at most three days back.
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        _offset = new DateTimeOffset(day.AddHours(9), TimeSpan.Zero) - now;
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
