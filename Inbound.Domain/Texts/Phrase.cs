using System.Globalization;
using System.Text.Json.Serialization;

namespace Inbound.Domain.Texts;

/// <summary>
/// A sentence the domain says, kept as a code and the values it is filled with, so that a screen says it in its reader's
/// language while the domain holds no UI text. <see cref="English"/> serves the API, logs and English-only callers.
/// An argument may itself be a phrase, a <see cref="PhraseList"/>, an enum value (named by the screen) or a value
/// shown as it is (names and texts the admin typed, numbers).
/// </summary>
[JsonConverter(typeof(PhraseJsonConverter))]
public sealed record Phrase(PhraseCode Code, IReadOnlyList<object> Args, string English)
{
    public static Phrase Of(PhraseCode code, string englishFormat, params object[] args) =>
        new(code, args, string.Format(CultureInfo.InvariantCulture, englishFormat, [.. args.Select(InEnglish)]));

    /// <summary>Parts of a one-line summary, shown with " · " between them in every language.</summary>
    public static Phrase Parts(IEnumerable<object> parts) => Of(PhraseCode.Parts, "{0}", new PhraseList(" · ", [.. parts]));

    public override string ToString() => English;

    private static object InEnglish(object arg) => arg switch
    {
        DayOfWeek day => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day),
        _ => arg,
    };
}

/// <summary>Values shown one after the other with a separator that reads the same in every language (" · ", ", ", " / ").</summary>
public sealed record PhraseList(string Separator, IReadOnlyList<object> Items)
{
    public override string ToString() => string.Join(Separator, Items.Select(i => i is DayOfWeek day
        ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day) : i));
}
