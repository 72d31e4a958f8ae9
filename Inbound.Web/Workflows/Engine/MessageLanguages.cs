using Inbound.Domain.Workflows.Runs;
using Lingua;
using static Lingua.Language;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Detects the language of a contact's message with Lingua, for branches on the message language. The detector is
/// limited to the languages contact centres commonly staff: Lingua loads a model per candidate language (lazily, tens
/// of MB each), so all 79 would cost about a gigabyte. Scripts used by one language alone (Thai, Korean, Greek…) are
/// told by their characters without any model.
/// </summary>
public sealed class MessageLanguages
{
    private static readonly Language[] Candidates =
        [English, Spanish, Portuguese, French, German, Italian, Dutch, Thai, Chinese, Japanese, Korean, Vietnamese, Indonesian, Arabic, Russian, Turkish, Hindi];

    private readonly Lazy<LanguageDetector> _detector = new(() => LanguageDetectorBuilder.FromLanguages(Candidates).Build());

    public DetectedLanguage? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var language = _detector.Value.DetectLanguageOf(text);
        return language == Unknown ? null : new DetectedLanguage(language.IsoCode6391().ToString().ToLowerInvariant(), language.ToString());
    }
}
