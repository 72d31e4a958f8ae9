using System.Globalization;
using Inbound.Domain.Texts;
using Inbound.Domain.Workflows;
using Microsoft.Extensions.Localization;

namespace Inbound.Web.Localization;

/// <summary>
/// The texts of the domain's <see cref="Phrase"/> codes (Phrases.resx, Phrases.th.resx). Inject
/// <c>IStringLocalizer&lt;Phrases&gt;</c> and call <see cref="PhraseLocalizer.Say"/>.
/// </summary>
public sealed class Phrases
{
    private Phrases() { }
}

public static class PhraseLocalizer
{
    /// <summary>
    /// A phrase, list or value in the reader's language: a phrase by its code, its arguments said the same way; a code
    /// without a text keeps the English; names and texts the admin typed stay as typed.
    /// </summary>
    /// <summary>A stored phrase in the reader's language; a row stored before it had a phrase keeps the English it has.</summary>
    public static string Say(this IStringLocalizer<Phrases> l, Phrase? said, string? english) => said is null ? english ?? "" : l.Say(said);

    /// <summary>The name of a kind of step, as the designer's palette shows it.</summary>
    public static string Kind(this IStringLocalizer<Phrases> l, NodeKind kind) => l[$"Kind{kind}"];

    public static string Say(this IStringLocalizer<Phrases> l, object? text) => text switch
    {
        null => "",
        Phrase phrase when l[phrase.Code.ToString()] is { ResourceNotFound: false } =>
            l[phrase.Code.ToString(), [.. phrase.Args.Select(a => (object)l.Say(a))]],
        Phrase phrase => phrase.English,
        PhraseList list => string.Join(list.Separator, list.Items.Select(l.Say)),
        StepName step => step.Label ?? l.Kind(step.Kind),
        DayOfWeek day => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(day),
        IFormattable value => value.ToString(null, CultureInfo.CurrentCulture),
        _ => text.ToString() ?? "",
    };
}
