using Inbound.Domain.Workflows;

namespace Inbound.Domain.Teams;

/// <summary>
/// Counts time only while a business is open: a weekly schedule read in a time zone, with holidays closed all day.
/// SLA targets ("reply within 4 business hours") and Business hours steps ("reassign after 30 open minutes") both
/// measure with it, so an answer given on Monday morning to a message sent on Friday night is not three days late.
/// </summary>
public sealed class BusinessClock
{
    // How far ahead a due instant is looked for: a schedule that opens less than this never falls due.
    private static readonly TimeSpan DefaultHorizon = TimeSpan.FromDays(366);

    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyList<OpeningHours> _hours;
    private readonly HashSet<DateOnly> _holidays;
    private readonly bool _alwaysOpen;

    /// <param name="hours">The opening hours of each weekday; none means the business never opens.</param>
    public BusinessClock(TimeZoneInfo zone, IEnumerable<OpeningHours> hours, IEnumerable<DateOnly>? holidays = null)
    {
        _zone = zone;
        _hours = [.. hours];
        _holidays = [.. holidays ?? []];
    }

    private BusinessClock() : this(TimeZoneInfo.Utc, []) => _alwaysOpen = true;

    /// <summary>Every minute counts: what a team without business hours measures in.</summary>
    public static BusinessClock AlwaysOpen { get; } = new();

    /// <summary>A team's clock: its hours in its zone, or round the clock when it has set no hours.</summary>
    public static BusinessClock Of(Team team) =>
        team.BusinessHours.Count == 0 ? AlwaysOpen : new BusinessClock(FindZone(team.TimeZone), team.BusinessHours);

    public static TimeZoneInfo FindZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// Open time between two UTC instants; negative when <paramref name="toUtc"/> comes first (how far past a due instant).
    /// </summary>
    public TimeSpan OpenTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc < fromUtc) return -OpenTimeBetween(toUtc, fromUtc);
        if (_alwaysOpen) return toUtc - fromUtc;
        var total = TimeSpan.Zero;
        foreach (var (start, end) in OpenPeriods(fromUtc, toUtc))
            total += end - start;
        return total;
    }

    /// <summary>
    /// The instant (UTC) when <paramref name="amount"/> of open time has passed since <paramref name="startUtc"/>; null
    /// when the business does not open enough within <paramref name="horizon"/> (no hours, all holidays).
    /// </summary>
    public DateTime? AddOpenTime(DateTime startUtc, TimeSpan amount, TimeSpan? horizon = null)
    {
        if (_alwaysOpen) return startUtc + amount;
        if (amount <= TimeSpan.Zero) return startUtc;
        var left = amount;
        foreach (var (start, end) in OpenPeriods(startUtc, startUtc + (horizon ?? DefaultHorizon)))
        {
            if (end - start >= left) return start + left;
            left -= end - start;
        }
        return null;
    }

    /// <summary>The open periods between two UTC instants, clipped to them, in order and without overlaps.</summary>
    private IEnumerable<(DateTime Start, DateTime End)> OpenPeriods(DateTime fromUtc, DateTime untilUtc)
    {
        if (_hours.Count == 0) yield break;
        var firstDay = DateOnly.FromDateTime(Local(fromUtc));
        var lastDay = DateOnly.FromDateTime(Local(untilUtc));
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (_holidays.Contains(day)) continue;
            foreach (var (opens, closes) in DayPeriods(day))
            {
                var start = opens < fromUtc ? fromUtc : opens;
                var end = closes > untilUtc ? untilUtc : closes;
                if (end > start) yield return (start, end);
            }
        }
    }

    /// <summary>One local day's opening hours as UTC periods, overlapping ones merged.</summary>
    private List<(DateTime Opens, DateTime Closes)> DayPeriods(DateOnly day)
    {
        var periods = new List<(DateTime Opens, DateTime Closes)>();
        foreach (var hours in _hours.Where(h => h.Day == day.DayOfWeek).OrderBy(h => h.Opens))
        {
            var opens = ToUtc(day.ToDateTime(hours.Opens));
            // A closing time of 00:00 means midnight at the end of the day.
            var closes = ToUtc(hours.Closes == TimeOnly.MinValue ? day.AddDays(1).ToDateTime(TimeOnly.MinValue) : day.ToDateTime(hours.Closes));
            if (closes <= opens) continue;
            if (periods.Count > 0 && opens <= periods[^1].Closes)
                periods[^1] = (periods[^1].Opens, closes > periods[^1].Closes ? closes : periods[^1].Closes);
            else periods.Add((opens, closes));
        }
        return periods;
    }

    private DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    private DateTime ToUtc(DateTime local)
    {
        // A time inside a daylight-saving gap does not exist: it happens at the first valid minute after it.
        while (_zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);
    }
}
