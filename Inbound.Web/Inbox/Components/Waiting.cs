namespace Inbound.Web.Inbox.Components;

/// <summary>Short human spans and times for the inbox ("4m", "2h 5m", "yesterday 14:02").</summary>
public static class Waiting
{
    public static string Span(DateTime since, DateTime now)
    {
        var span = now - since;
        if (span < TimeSpan.FromMinutes(1)) return "just now";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes}m";
        if (span < TimeSpan.FromDays(1)) return span.Minutes == 0 ? $"{(int)span.TotalHours}h" : $"{(int)span.TotalHours}h {span.Minutes}m";
        return $"{(int)span.TotalDays}d";
    }

    public static string Time(DateTime at, DateTime now) =>
        at.Date == now.Date ? at.ToString("HH:mm") : at.Date == now.Date.AddDays(-1) ? $"yesterday {at:HH:mm}" : at.ToString("d MMM HH:mm");
}
