using System.Text.RegularExpressions;

namespace Inbound.Web.Ai;

/// <summary>
/// Replaces emails and phone numbers with placeholders before text leaves the app for a model service. A run of
/// digits counts as a phone number from 7 digits on (with +, spaces, dots, dashes or brackets between them), so an
/// order number of that length is hidden too: the safer mistake.
/// </summary>
public static partial class PersonalDataRedaction
{
    public const string EmailPlaceholder = "[email]";
    public const string PhonePlaceholder = "[phone]";

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var withoutEmails = Email().Replace(text, EmailPlaceholder);
        return Phone().Replace(withoutEmails, m => m.Value.Count(char.IsAsciiDigit) >= 7 && !IsoDate().IsMatch(m.Value) ? PhonePlaceholder : m.Value);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\w+])\+?\(?\d[\d\s().\-]{5,}\d(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
