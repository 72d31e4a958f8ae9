namespace Inbound.Web.Accounts;

/// <summary>
/// Where to go after signing in: a path on this site, or the inbox. A crafted link must not send people elsewhere,
/// so anything that a browser could read as another host (a scheme, "//", "/\", or control characters and spaces,
/// which browsers strip before resolving "/\t/evil.example") falls back to the inbox.
/// </summary>
public static class LocalReturnUrl
{
    public const string Fallback = "inbox";

    /// <returns>A path relative to the app's base (no leading slash), as NavigationManager expects.</returns>
    public static string Resolve(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || url.Contains('\\'))
            return Fallback;
        // Uri.TryCreate is no help: on Linux "/inbox" parses as an absolute file URI.
        var path = url.StartsWith('/') ? url[1..] : url;
        if (path.Length == 0 || path.StartsWith('/') || SchemeOrPort(path)) return Fallback;
        return path;
    }

    /// <summary>A colon before the first '/', '?' or '#' makes the text a scheme ("https:", "javascript:").</summary>
    private static bool SchemeOrPort(string path)
    {
        var end = path.IndexOfAny(['/', '?', '#']);
        return (end < 0 ? path : path[..end]).Contains(':');
    }
}
