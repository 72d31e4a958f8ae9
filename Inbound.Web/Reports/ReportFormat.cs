using System.Globalization;

namespace Inbound.Web.Reports;

/// <summary>How the report page writes its figures.</summary>
public static class ReportFormat
{
    /// <summary>Monday first, in English: the CSV's column values, which a spreadsheet reads whatever the reader's language.</summary>
    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>The report's day (0 = Monday) named in the reader's language.</summary>
    public static string Weekday(int day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(DayOf(day));

    /// <summary>The report's day (0 = Monday) in its short form, as a heat map's row label.</summary>
    public static string ShortWeekday(int day) => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(DayOf(day));

    private static DayOfWeek DayOf(int day) => (DayOfWeek)((Math.Clamp(day, 0, 6) + 1) % 7);
}
