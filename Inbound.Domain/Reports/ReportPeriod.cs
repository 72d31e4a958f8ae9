using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Reports;

/// <summary>
/// The days a report covers, from the first to the last inclusive, as a person in <see cref="Zone"/> reads them:
/// "1 to 7 March in Berlin" starts at midnight Berlin time, whatever UTC says.
/// </summary>
public sealed record ReportPeriod
{
    public const int MaxDays = 366;

    public ReportPeriod(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        if (to < from) throw new DomainException("A report period ends on or after the day it starts.");
        if (to.DayNumber - from.DayNumber + 1 > MaxDays) throw new DomainException($"A report covers at most {MaxDays} days.");
        From = from;
        To = to;
        Zone = zone;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public TimeZoneInfo Zone { get; }

    /// <summary>The first instant of the period, in UTC.</summary>
    public DateTime StartUtc => ToUtc(From);

    /// <summary>The instant after the period ends (midnight after its last day), in UTC.</summary>
    public DateTime EndUtc => ToUtc(To.AddDays(1));

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private DateTime ToUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight that a clock change skips starts the day at the first valid minute after it.
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
