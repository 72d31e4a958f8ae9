using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Inbound.Web.Localization;

/// <summary>
/// Every time, date and span the UI shows goes through here: in the viewer's time zone (set once per circuit by
/// Routes) and the circuit's culture, so a Thai agent in Bangkok reads "14:05", "เมื่อวาน 09:12", "2 ธ.ค. 2569".
/// Times arrive as UTC <see cref="DateTime"/>s, as the database stores them.
/// </summary>
public sealed class UserTime(IStringLocalizer<UserTime> text)
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Shows times in the given IANA zone from now on; an unknown id keeps the current one.</summary>
    public void Use(string? zoneId) => Zone = FindZone(zoneId) ?? Zone;

    public static TimeZoneInfo? FindZone(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : null;
    }

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"14:02" today, "yesterday 14:02", else "2 Dec 14:02" (in Thai "2 ธ.ค. 14:02").</summary>
    public string Time(DateTime utc, DateTime nowUtc)
    {
        var at = Local(utc);
        var today = Local(nowUtc).Date;
        var clock = at.ToString("HH:mm", CultureInfo.CurrentCulture);
        return at.Date == today ? clock
            : at.Date == today.AddDays(-1) ? text["Yesterday", clock]
            : at.ToString("d MMM HH:mm", CultureInfo.CurrentCulture);
    }

    /// <summary>"2 Dec 2026"; in Thai "2 ธ.ค. 2569" (the Buddhist Era year a Thai reader expects).</summary>
    public string Date(DateTime utc) => Local(utc).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"Wed 2 Dec 14:05"; in Thai "พ. 2 ธ.ค. 14:05".</summary>
    public string DayAndTime(DateTime utc) => Local(utc).ToString("ddd d MMM HH:mm", CultureInfo.CurrentCulture);

    /// <summary>"2 Dec 2026 14:05".</summary>
    public string DateAndTime(DateTime utc) => Local(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    /// <summary>How long ago, for a waiting contact: "just now", "4m", "2h 5m", "3d".</summary>
    public string Since(DateTime sinceUtc, DateTime nowUtc) =>
        nowUtc - sinceUtc < TimeSpan.FromMinutes(1) ? text["JustNow"] : Duration(nowUtc - sinceUtc, wholeDays: true);

    /// <summary>
    /// "45s", "12m", "3h 5m", "2d 4h"; in Thai "45 วิ", "12 นาที", "3 ชม. 5 นาที", "2 วัน 4 ชม.". With
    /// <paramref name="seconds"/> a span under an hour keeps its seconds ("4m 30s"): a queue's wait, a median.
    /// </summary>
    public string Duration(TimeSpan span, bool wholeDays = false, bool seconds = false) =>
        span < TimeSpan.FromMinutes(1) ? text["Seconds", Math.Max(0, (int)span.TotalSeconds)]
        : span < TimeSpan.FromHours(1) ? (seconds && span.Seconds != 0 ? text["MinutesSeconds", (int)span.TotalMinutes, span.Seconds] : text["Minutes", (int)span.TotalMinutes])
        : span < TimeSpan.FromDays(1) ? (span.Minutes == 0 ? text["Hours", (int)span.TotalHours] : text["HoursMinutes", (int)span.TotalHours, span.Minutes])
        : span.Hours == 0 || wholeDays ? text["Days", (int)span.TotalDays] : text["DaysHours", (int)span.TotalDays, span.Hours];

    /// <summary>A measured time (a median, a wait), to the second under an hour; a dash when there is nothing to measure.</summary>
    public string Measured(TimeSpan? span) => span is { } value ? Duration(value, seconds: true) : "—";

    /// <summary>A count in the viewer's culture: "1,234".</summary>
    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
