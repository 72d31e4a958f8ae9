using System.Text.RegularExpressions;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>Replaces {{name}} placeholders through a resolver; an unknown name renders as nothing rather than as braces.</summary>
public static partial class TemplateRenderer
{
    [GeneratedRegex(@"\{\{\s*([\w.\-]+)\s*\}\}")]
    private static partial Regex Placeholder();

    public static string Render(string? template, Func<string, string?> resolve)
    {
        if (string.IsNullOrEmpty(template) || !template.Contains("{{", StringComparison.Ordinal)) return template ?? "";
        return Placeholder().Replace(template, m => resolve(m.Groups[1].Value) ?? "");
    }
}
