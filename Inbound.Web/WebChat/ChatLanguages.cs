using System.Globalization;
using Inbound.Domain.Languages;
using Inbound.Web.Localization;
using Microsoft.Net.Http.Headers;

namespace Inbound.Web.WebChat;

/// <summary>
/// The languages the web chat speaks and which one a visitor gets: the first of their browser's preferred languages
/// (navigator.languages, or Accept-Language before the page runs) that the chat has texts for, else English.
/// </summary>
public static class ChatLanguages
{
    public const string Default = SupportedLanguages.English;

    /// <summary>
    /// The UI's languages, each with its own name, as the switch shows it: a visitor finds their language whatever the
    /// chat shows now.
    /// </summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Supported =
        [(SupportedLanguages.English, "English"), (SupportedLanguages.Thai, "ไทย")];

    public static bool IsSupported(string? code) => SupportedLanguages.IsSupported(code);

    public static string Pick(IEnumerable<string?> preferred) =>
        preferred.Select(LanguageCode.Primary).FirstOrDefault(IsSupported) ?? Default;

    /// <summary>The languages of an Accept-Language header, most preferred first.</summary>
    public static IEnumerable<string> FromAcceptLanguage(string? header) =>
        StringWithQualityHeaderValue.TryParseList(header?.Split(','), out var values)
            ? values.OrderByDescending(v => v.Quality ?? 1).Select(v => v.Value.ToString())
            : [];

    public static CultureInfo Culture(string code) => CultureInfo.GetCultureInfo(IsSupported(code) ? code : Default);

    /// <summary>
    /// Reads a text in the visitor's language. A circuit's UI culture is that of the request that opened it, and the
    /// visitor's language can differ from it (a framed chat, the switch), so the lookup runs in the chosen culture.
    /// </summary>
    public static T In<T>(CultureInfo culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
