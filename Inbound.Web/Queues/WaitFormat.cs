namespace Inbound.Web.Queues;

/// <summary>A wait as a supervisor reads it at a glance: "42s", "3m 05s", "2h 10m".</summary>
public static class WaitFormat
{
    public static string Of(TimeSpan wait) => wait switch
    {
        { TotalHours: >= 1 } => $"{(int)wait.TotalHours}h {wait.Minutes:00}m",
        { TotalMinutes: >= 1 } => $"{(int)wait.TotalMinutes}m {wait.Seconds:00}s",
        _ => $"{Math.Max(0, (int)wait.TotalSeconds)}s",
    };
}
