using System.Net;
using System.Text.RegularExpressions;

namespace Inbound.Web.Channels.Email;

/// <summary>What the agent sees of a mail: the new text only (quoted history and signature trimmed), HTML as plain text.</summary>
public static partial class MailText
{
    /// <summary>The new part of a reply: up to the first "On … wrote:" line, quoted block or "-- " signature separator.</summary>
    public static string Trim(string text)
    {
        var kept = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed == "--" || trimmed == "-- " || line == "-- " || trimmed.StartsWith('>') || WroteLine().IsMatch(trimmed)
                || trimmed.StartsWith("-----Original Message-----", StringComparison.OrdinalIgnoreCase))
                break;
            kept.Add(trimmed);
        }
        return string.Join('\n', kept).Trim();
    }

    /// <summary>HTML mail as text: scripts and styles dropped, tags removed, entities decoded. Never rendered as HTML.</summary>
    public static string FromHtml(string html)
    {
        var text = ScriptOrStyle().Replace(html, "");
        text = BlockEnd().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        return BlankLines().Replace(text, "\n\n").Trim();
    }

    [GeneratedRegex(@"^On .+wrote:$", RegexOptions.IgnoreCase)]
    private static partial Regex WroteLine();

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<(br\s*/?|/p|/div|/li|/tr|/h[1-6])\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n\s*\n\s*\n+")]
    private static partial Regex BlankLines();
}
