namespace Inbound.Domain.Workflows;

/// <summary>Minutes as a person says them: "90 min" is "1 h 30 min", "1440" is "1 day".</summary>
public static class Durations
{
    public static string Describe(int minutes) => Of(minutes).English;

    /// <summary>The duration as a phrase a screen says in its reader's language.</summary>
    public static Phrase Of(int minutes) => minutes switch
    {
        < 60 => Phrase.Of(PhraseCode.DurationMinutes, "{0} min", minutes),
        1440 => Phrase.Of(PhraseCode.DurationDay, "1 day"),
        _ when minutes % 1440 == 0 => Phrase.Of(PhraseCode.DurationDays, "{0} days", minutes / 1440),
        60 => Phrase.Of(PhraseCode.DurationHour, "1 hour"),
        _ when minutes % 60 == 0 => Phrase.Of(PhraseCode.DurationHours, "{0} hours", minutes / 60),
        _ => Phrase.Of(PhraseCode.DurationHoursMinutes, "{0} h {1} min", minutes / 60, minutes % 60),
    };
}
