using Inbound.Domain.Workflows.Runs;
using Lingua;
using static Lingua.Language;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Detects the language of a contact's message with Lingua, for branches on the message language. The detector is
/// limited to the languages contact centres commonly staff: Lingua loads models per candidate language on first use,
/// so all 79 would cost about a gigabyte. Low accuracy mode loads only the trigram models: the first Latin-script
/// message took 18 s to load the full models on a busy 2-core machine, holding up the engine worker. The detector is
/// one per process (its models are read-only), so that a second app instance, or a test's, does not load them again.
/// Scripts used by one language alone (Thai, Korean, Greek…) are told by their characters without any model.
/// </summary>
public sealed class MessageLanguages
{
    private static readonly Language[] Candidates =
        [English, Spanish, Portuguese, French, German, Italian, Dutch, Thai, Chinese, Japanese, Korean, Vietnamese, Indonesian, Arabic, Russian, Turkish, Hindi];

    private static readonly Lazy<LanguageDetector> Detector = new(() => LanguageDetectorBuilder.FromLanguages(Candidates).WithLowAccuracyMode().Build());

    public DetectedLanguage? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var language = Detector.Value.DetectLanguageOf(text);
        return language == Unknown ? null : new DetectedLanguage(language.IsoCode6391().ToString().ToLowerInvariant(), language.ToString());
    }
}
