namespace Inbound.Web.WebChat;

/// <summary>The browser and system of a visitor in a few words ("Chrome 131 on Windows"), for the agent's contact panel.</summary>
public static class VisitorBrowser
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Unknown browser";
        // Order matters: Edge and Opera also say Chrome, and Chrome also says Safari.
        var browser =
            Version(userAgent, "Edg/", "Edge") ??
            Version(userAgent, "OPR/", "Opera") ??
            Version(userAgent, "Firefox/", "Firefox") ??
            Version(userAgent, "HeadlessChrome/", "Headless Chrome") ??
            Version(userAgent, "Chrome/", "Chrome") ??
            (userAgent.Contains("Safari/", StringComparison.Ordinal) ? Version(userAgent, "Version/", "Safari") ?? "Safari" : null) ??
            "Unknown browser";
        var system =
            userAgent.Contains("Android", StringComparison.Ordinal) ? "Android" :
            userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) ? "iOS" :
            userAgent.Contains("Windows", StringComparison.Ordinal) ? "Windows" :
            userAgent.Contains("Mac OS X", StringComparison.Ordinal) ? "macOS" :
            userAgent.Contains("CrOS", StringComparison.Ordinal) ? "ChromeOS" :
            userAgent.Contains("Linux", StringComparison.Ordinal) ? "Linux" : null;
        return system is null ? browser : $"{browser} on {system}";
    }

    private static string? Version(string userAgent, string token, string name)
    {
        var at = userAgent.IndexOf(token, StringComparison.Ordinal);
        if (at < 0) return null;
        var version = new string(userAgent[(at + token.Length)..].TakeWhile(char.IsAsciiDigit).ToArray());
        return version.Length == 0 ? name : $"{name} {version}";
    }
}
