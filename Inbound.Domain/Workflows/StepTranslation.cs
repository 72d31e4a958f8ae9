namespace Inbound.Domain.Workflows;

/// <summary>
/// A message or question of a step in one more language, besides the step's default text. For a multiple-choice
/// question, <see cref="Options"/> follow the step's options in order; an option left blank shows the default one.
/// The answer a contact picks is always stored as the default option, so branches and fields stay in one language.
/// </summary>
public sealed class StepTranslation
{
    /// <summary>A language tag: "th", or "pt-BR" for one region only.</summary>
    public string Language { get; set; } = "";

    public string Text { get; set; } = "";

    public List<string> Options { get; set; } = [];

    /// <summary>A question's reply to an invalid answer in this language; blank sends the step's default one.</summary>
    public string? InvalidAnswer { get; set; }
}
