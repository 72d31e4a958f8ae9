using System.Text.RegularExpressions;
using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Channels;

/// <summary>
/// A message template the provider approved (WhatsApp's, outside the 24-hour customer-service window): its name and
/// language as approved, and its body with numbered parameters <c>{{1}}</c>, <c>{{2}}</c>… that the agent fills in.
/// Inbound keeps the body only to show the agent and the thread what the contact receives; the provider renders it.
/// </summary>
public sealed partial record MessageTemplate
{
    public const int MaxBodyLength = 1024;

    public MessageTemplate(string name, string language, string body)
    {
        name = (name ?? "").Trim();
        language = (language ?? "").Trim();
        body = (body ?? "").Trim();
        // Meta's own rule for template names: lowercase letters, digits and underscores.
        if (!NamePattern().IsMatch(name)) throw new DomainException(Phrase.Of(PhraseCode.TemplateNameInvalid, "A template name has lowercase letters, digits and underscores only (as approved at the provider)."));
        if (language.Length is 0 or > 15) throw new DomainException(Phrase.Of(PhraseCode.TemplateLanguageMissing, "Template {0} needs its language code, such as en_US.", name));
        if (body.Length == 0) throw new DomainException(Phrase.Of(PhraseCode.TemplateBodyMissing, "Template {0} needs its body text.", name));
        if (body.Length > MaxBodyLength) throw new DomainException(Phrase.Of(PhraseCode.TemplateBodyTooLong, "A template body has at most {0} characters.", MaxBodyLength));
        Name = name;
        Language = language;
        Body = body;
        ParameterCount = Parameter().Matches(body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
    }

    public string Name { get; }
    public string Language { get; }
    public string Body { get; }

    /// <summary>How many values the agent fills in: the highest <c>{{n}}</c> of the body.</summary>
    public int ParameterCount { get; }

    /// <summary>The body with <c>{{n}}</c> replaced by the n-th value, as the contact will read it.</summary>
    public string Render(IReadOnlyList<string> values)
    {
        if (values.Count != ParameterCount || values.Any(string.IsNullOrWhiteSpace))
            throw new DomainException($"Template {Name} needs {ParameterCount} value{(ParameterCount == 1 ? "" : "s")}, none of them empty.");
        return Parameter().Replace(Body, m => values[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1].Trim());
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\{\{\s*([1-9][0-9]?)\s*\}\}")]
    private static partial Regex Parameter();
}
