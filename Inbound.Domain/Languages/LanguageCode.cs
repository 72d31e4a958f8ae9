using System.Text.RegularExpressions;

namespace Inbound.Domain.Languages;

/// <summary>
/// A language as a BCP 47 tag ("th", "en", "pt-BR"), the shape browsers, Telegram's <c>language_code</c> and LINE's
/// profile already use. Written with a hyphen, the language in lower case and the region in upper case, so that "TH_th"
/// from one source and "th-TH" from another are the same.
/// </summary>
public static partial class LanguageCode
{
    /// <summary>The tag in its one written form, or null when <paramref name="value"/> is not a language tag.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parts = value.Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !Language().IsMatch(parts[0])) return null;
        var written = new List<string> { parts[0].ToLowerInvariant() };
        foreach (var part in parts.Skip(1))
        {
            if (!Subtag().IsMatch(part)) return null;
            written.Add(part.Length == 2 ? part.ToUpperInvariant() : part);
        }
        return string.Join('-', written);
    }

    /// <summary>
    /// The language a person named in an answer: a tag ("th"), or a language's English or own name ("Thai", "ไทย",
    /// "English"), so that a question "Which language do you prefer?" can save to the contact's language.
    /// </summary>
    public static string? FromAnswer(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer)) return null;
        var text = answer.Trim();
        var named = System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.NeutralCultures)
            .FirstOrDefault(c => c.Name.Length > 0 && (string.Equals(c.EnglishName, text, StringComparison.OrdinalIgnoreCase)
                                                       || string.Equals(c.NativeName, text, StringComparison.OrdinalIgnoreCase)));
        return named?.Name ?? Normalize(text);
    }

    /// <summary>The language without its region or script: "th" of "th-TH".</summary>
    public static string? Primary(string? value) => Normalize(value)?.Split('-')[0];

    [GeneratedRegex("^[A-Za-z]{2,3}$")]
    private static partial Regex Language();

    [GeneratedRegex("^[A-Za-z0-9]{1,8}$")]
    private static partial Regex Subtag();
}
