using System.Globalization;

namespace Inbound.Web.Localization;

/// <summary>The languages the UI speaks. Each component has an English <c>X.resx</c> and a Thai <c>X.th.resx</c>.</summary>
public static class SupportedLanguages
{
    public const string English = "en";
    public const string Thai = "th";

    public static readonly string[] All = [English, Thai];

    /// <summary>
    /// Thai keeps its own calendar: th dates read "2 ธ.ค. 2569", Buddhist Era years, as a Thai phone, bank or
    /// government letter shows them. Text a program reads (query strings, file names, CSV) is formatted invariant.
    /// </summary>
    public static CultureInfo[] Cultures => [.. All.Select(CultureInfo.GetCultureInfo)];

    public static bool IsSupported(string? language) => language is not null && All.Contains(language);
}
