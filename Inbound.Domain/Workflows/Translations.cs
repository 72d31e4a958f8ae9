using Inbound.Domain.Languages;

namespace Inbound.Domain.Workflows;

/// <summary>Which of a step's texts a contact reads, from the contact's language.</summary>
public static class Translations
{
    /// <summary>
    /// The translation for <paramref name="language"/>: the one written for exactly that tag ("pt-BR"), else the one
    /// for the language without its region ("pt" for a "pt-BR" contact); null means the step's default text. A
    /// translation with a blank text is not one.
    /// </summary>
    public static StepTranslation? For(IEnumerable<StepTranslation> translations, string? language)
    {
        if (LanguageCode.Normalize(language) is not { } wanted) return null;
        var usable = translations.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        return usable.FirstOrDefault(t => LanguageCode.Normalize(t.Language) == wanted)
            ?? usable.FirstOrDefault(t => LanguageCode.Normalize(t.Language) == LanguageCode.Primary(wanted));
    }

    /// <summary>The text to send: the translation's, or <paramref name="defaultText"/>.</summary>
    public static string Pick(string defaultText, IEnumerable<StepTranslation> translations, string? language) =>
        For(translations, language)?.Text ?? defaultText;

    /// <summary>A question's reply to an invalid answer in the contact's language, else the step's default one.</summary>
    public static string PickInvalidAnswer(AskQuestionStep ask, string? language) =>
        For(ask.Translations, language)?.InvalidAnswer is { } text && !string.IsNullOrWhiteSpace(text) ? text : ask.InvalidAnswerMessage;

    /// <summary>
    /// A question's options as the contact reads them: the translation's option in each place it gives one, the
    /// default option elsewhere.
    /// </summary>
    public static IReadOnlyList<string> PickOptions(IReadOnlyList<string> options, IEnumerable<StepTranslation> translations, string? language)
    {
        var translated = For(translations, language)?.Options ?? [];
        return [.. options.Select((option, i) => i < translated.Count && !string.IsNullOrWhiteSpace(translated[i]) ? translated[i].Trim() : option.Trim())];
    }

    /// <summary>What is wrong with a step's translations, as a person fixes it.</summary>
    public static IEnumerable<Phrase> Problems(IReadOnlyList<StepTranslation> translations)
    {
        foreach (var t in translations)
        {
            if (LanguageCode.Normalize(t.Language) is null) yield return Phrase.Of(PhraseCode.ProblemLanguageCode, "\"{0}\" is not a language code (e.g. th, en, pt-BR).", t.Language);
            else if (string.IsNullOrWhiteSpace(t.Text)) yield return Phrase.Of(PhraseCode.ProblemTranslationEmpty, "Write the text in {0}, or remove the language.", t.Language);
        }
        var repeated = translations.Select(t => LanguageCode.Normalize(t.Language)).OfType<string>()
            .GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var language in repeated) yield return Phrase.Of(PhraseCode.ProblemLanguageTwice, "The language {0} is there twice.", language);
    }
}
