namespace Inbound.Domain.Workflows;

/// <summary>Minutes as a person says them: "90 min" is "1 h 30 min", "1440" is "1 day".</summary>
public static class Durations
{
    public static string Describe(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % 1440 == 0 => minutes == 1440 ? "1 day" : $"{minutes / 1440} days",
        _ when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };
}
