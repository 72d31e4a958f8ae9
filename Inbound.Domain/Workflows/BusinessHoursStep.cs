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

    /// <summary>
    /// When set, the step uses this team's time zone and hours as they are when it runs (see
    /// <see cref="TeamHoursResolution"/>), so a change on the teams page needs no republish; its own stay unused.
    /// </summary>
    public Guid? TeamId { get; set; }

    public override IReadOnlyList<NodeOutcome> Outcomes() =>
        [new NodeOutcome(Workflows.Outcomes.Open, "Open"), new NodeOutcome(Workflows.Outcomes.Closed, "Closed")];

    public override Phrase Summarize(WorkflowNames names)
    {
        if (TeamId is { } team) return Phrase.Parts([Phrase.Of(PhraseCode.SummaryHoursOf, "Hours of {0}", names.TeamName(team)), names.TeamTimeZone(team) ?? TimeZone]);
        if (Schedule.Count == 0) return Phrase.Parts([Phrase.Of(PhraseCode.SummaryAlwaysClosed, "Always closed"), TimeZone]);
        var days = new PhraseList(", ", [.. Schedule.Select(s => s.Day).Distinct().OrderBy(d => ((int)d + 6) % 7).Cast<object>()]);
        var hours = Schedule.Select(s => $"{s.Opens:HH\\:mm}–{s.Closes:HH\\:mm}").Distinct().ToList();
        List<object> parts = [days, hours.Count == 1 ? hours[0] : Phrase.Of(PhraseCode.SummaryVariedHours, "varied hours"), TimeZone];
        if (Holidays.Count > 0) parts.Add(Phrase.Of(PhraseCode.SummaryHolidays, "{0} holidays", Holidays.Count));
        return Phrase.Parts(parts);
    }

    public override IEnumerable<Phrase> Problems()
    {
        // The team's own hours are checked where they are set; whether the team still exists, by the validator.
        if (TeamId is not null) yield break;
        if (ResolveTimeZone() is null) yield return Phrase.Of(PhraseCode.ProblemTimeZoneUnknown, "\"{0}\" is not a time zone; use an id such as Europe/Berlin or America/New_York.", TimeZone);
        if (Schedule.Count == 0) yield return Phrase.Of(PhraseCode.ProblemNoOpeningHours, "Add the opening hours of at least one day.");
        if (Schedule.Any(s => s.Closes <= s.Opens && s.Closes != TimeOnly.MinValue))
            yield return Phrase.Of(PhraseCode.ProblemClosesBeforeOpens, "Each day's closing time must come after its opening time (00:00 means midnight).");
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

    /// <summary>
    /// The next instant (UTC) the business is open: <paramref name="utcNow"/> itself when open, null when the schedule
    /// never opens. Looks up to five weeks ahead, past holidays.
    /// </summary>
    public DateTime? NextOpening(DateTime utcNow)
    {
        if (IsOpenAt(utcNow)) return utcNow;
        var zone = ResolveTimeZone() ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var today = DateOnly.FromDateTime(local);
        for (var day = 0; day <= 35; day++)
        {
            var date = today.AddDays(day);
            if (Holidays.Contains(date)) continue;
            foreach (var hours in Schedule.Where(s => s.Day == date.DayOfWeek).OrderBy(s => s.Opens))
            {
                var opens = date.ToDateTime(hours.Opens);
                if (opens <= local) continue;
                // An opening inside a daylight-saving gap happens at the first valid minute after it.
                while (zone.IsInvalidTime(opens)) opens = opens.AddMinutes(30);
                return TimeZoneInfo.ConvertTimeToUtc(opens, zone);
            }
        }
        return null;
    }

    /// <summary>
    /// The moment when this many minutes of open time have passed since <paramref name="utcStart"/>: minutes while
    /// closed do not count. Null when the hours do not open within eight weeks (no schedule, all holidays).
    /// </summary>
    public DateTime? AfterOpenMinutes(DateTime utcStart, int minutes) =>
        Clock().AddOpenTime(utcStart, TimeSpan.FromMinutes(minutes), TimeSpan.FromDays(56));

    /// <summary>This step's hours as a clock that counts open time only.</summary>
    public Teams.BusinessClock Clock() => new(ResolveTimeZone() ?? TimeZoneInfo.Utc, Schedule, Holidays);

    /// <summary>When the business opens next, in the business's local time and in words: "today at 08:00", "tomorrow at 08:00", "on Monday at 08:00".</summary>
    public string? DescribeNextOpening(DateTime utcNow)
    {
        if (NextOpening(utcNow) is not { } opens) return null;
        var zone = ResolveTimeZone() ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var at = TimeZoneInfo.ConvertTimeFromUtc(opens, zone);
        var days = DateOnly.FromDateTime(at).DayNumber - DateOnly.FromDateTime(local).DayNumber;
        var day = days switch
        {
            0 => "today",
            1 => "tomorrow",
            < 7 => $"on {at.DayOfWeek}",
            _ => $"on {at:dddd d MMMM}",
        };
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{day} at {at:HH:mm}");
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
