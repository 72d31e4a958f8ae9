namespace Inbound.Domain.Workflows;

/// <summary>Open or closed now, by a weekly schedule in a time zone, with holidays closed all day.</summary>
public sealed class BusinessHoursStep : StepNode
{
    protected override NodeKind KindValue => NodeKind.BusinessHours;
    protected override string KindNameValue => "Business hours";

    /// <summary>An IANA time zone id, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; set; } = "UTC";

    public List<OpeningHours> Schedule { get; set; } = [];
    public List<DateOnly> Holidays { get; set; } = [];

    public override IReadOnlyList<NodeOutcome> Outcomes() =>
        [new NodeOutcome(Workflows.Outcomes.Open, "Open"), new NodeOutcome(Workflows.Outcomes.Closed, "Closed")];

    public override string Summary(WorkflowNames names)
    {
        if (Schedule.Count == 0) return $"Always closed · {TimeZone}";
        var days = Schedule.Select(s => s.Day).Distinct().OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3]);
        var hours = Schedule.Select(s => $"{s.Opens:HH\\:mm}–{s.Closes:HH\\:mm}").Distinct().ToList();
        var summary = $"{string.Join(", ", days)} · {(hours.Count == 1 ? hours[0] : "varied hours")} · {TimeZone}";
        return Holidays.Count == 0 ? summary : $"{summary} · {Holidays.Count} holidays";
    }

    public override IEnumerable<string> SettingProblems()
    {
        if (ResolveTimeZone() is null) yield return $"\"{TimeZone}\" is not a time zone; use an id such as Europe/Berlin or America/New_York.";
        if (Schedule.Count == 0) yield return "Add the opening hours of at least one day.";
        if (Schedule.Any(s => s.Closes <= s.Opens && s.Closes != TimeOnly.MinValue))
            yield return "Each day's closing time must come after its opening time (00:00 means midnight).";
    }

    public TimeZoneInfo? ResolveTimeZone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : null;

    /// <summary>Whether the business is open at a UTC instant.</summary>
    public bool IsOpenAt(DateTime utcNow)
    {
        var zone = ResolveTimeZone() ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        if (Holidays.Contains(DateOnly.FromDateTime(local))) return false;
        var time = TimeOnly.FromDateTime(local);
        return Schedule.Any(s => s.Day == local.DayOfWeek && s.Contains(time));
    }

    /// <summary>Monday to Friday, the same hours each day.</summary>
    public static List<OpeningHours> Weekdays(TimeOnly opens, TimeOnly closes) =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new OpeningHours(d, opens, closes))];
}

/// <summary>The hours of one weekday; a closing time of 00:00 means midnight at the end of that day.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    public bool Contains(TimeOnly time) => time >= Opens && (Closes == TimeOnly.MinValue || time < Closes);
}
