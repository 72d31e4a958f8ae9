using System.Globalization;
using Inbound.Domain.Workflows;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Inbound.Web.Workflows.Designer.Nodes;

/// <summary>Business hours at a glance: the days that share their hours, the time zone and the holidays.</summary>
public partial class BusinessHoursNode
{
    // A step on a team's hours shows the team's time zone as it is now, not the one it kept from before.
    private string TimeZone => Step.TeamId is { } team ? KnownNames.TeamTimeZone(team) ?? Step.TimeZone : Step.TimeZone;

    [Inject] private IStringLocalizer<BusinessHoursNode> L { get; set; } = null!;

    private string Holidays => Step.Holidays.Count == 1 ? L["OneHoliday"] : L["HolidayCount", Step.Holidays.Count];

    /// <summary>The days that share the same hours, as "Mon–Fri" and "08:00–18:00", Monday first.</summary>
    private IEnumerable<(string Days, string Hours)> OpeningTimes => Step.Schedule
        .GroupBy(s => (s.Opens, s.Closes))
        .OrderBy(g => g.Min(s => MondayFirst(s.Day)))
        .Select(g => (DayRanges(g.Select(s => s.Day)), $"{g.Key.Opens:HH\\:mm}–{(g.Key.Closes == TimeOnly.MinValue ? "24:00" : g.Key.Closes.ToString("HH\\:mm"))}"));

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>Runs of three or more days in a row read as a range: Mon, Tue, Wed, Sat becomes "Mon–Wed, Sat".</summary>
    private static string DayRanges(IEnumerable<DayOfWeek> days)
    {
        var order = days.Select(MondayFirst).Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < order.Count;)
        {
            var end = i;
            while (end + 1 < order.Count && order[end + 1] == order[end] + 1) end++;
            if (end - i >= 2) parts.Add($"{Name(order[i])}–{Name(order[end])}");
            else parts.AddRange(order[i..(end + 1)].Select(Name));
            i = end + 1;
        }
        return string.Join(", ", parts);
    }

    private static string Name(int mondayFirst) =>
        CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)((mondayFirst + 1) % 7));
}
