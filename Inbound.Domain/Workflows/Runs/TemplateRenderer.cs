using System.Text.RegularExpressions;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>
/// Replaces {{name}} placeholders through a resolver; an unknown or empty value renders as nothing rather than as
/// braces, or as the placeholder's own fallback: {{contact.fields.Topic | your question}}.
/// </summary>
public static partial class TemplateRenderer
{
    [GeneratedRegex(@"\{\{\s*([\w.\-]+)\s*(?:\|\s*([^{}]*?)\s*)?\}\}")]
    private static partial Regex Placeholder();

    public static string Render(string? template, Func<string, string?> resolve)
    {
        if (string.IsNullOrEmpty(template) || !template.Contains("{{", StringComparison.Ordinal)) return template ?? "";
        return Placeholder().Replace(template, m => resolve(m.Groups[1].Value) is { Length: > 0 } value ? value : m.Groups[2].Value);
    }

    /// <summary>The template as plain text and placeholder names in order, so that a view can set the placeholders apart.</summary>
    public static IEnumerable<TemplatePart> Parts(string? template)
    {
        if (string.IsNullOrEmpty(template)) yield break;
        var at = 0;
        foreach (Match m in Placeholder().Matches(template))
        {
            if (m.Index > at) yield return new TemplatePart(template[at..m.Index], false);
            yield return new TemplatePart(m.Groups[1].Value, true);
            at = m.Index + m.Length;
        }
        if (at < template.Length) yield return new TemplatePart(template[at..], false);
    }
}

/// <summary>A piece of a template: literal text, or the name of a placeholder.</summary>
public sealed record TemplatePart(string Text, bool IsPlaceholder);
